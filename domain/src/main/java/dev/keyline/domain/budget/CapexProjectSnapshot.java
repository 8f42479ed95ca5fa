package dev.keyline.domain.budget;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored form of a {@link CapexProject}. Built by {@link CapexProject#snapshot()} or by a
 * storage provider from its rows; it is not validated here,
 * {@link CapexProject#restore(CapexProjectSnapshot)} does that.
 *
 * @param id the project's id
 * @param version the stored version
 * @param kind what it is built for
 * @param title its title
 * @param network the local network that builds it
 * @param request the investment request it answers, or null
 * @param plannedCapacity the capacity it is to build
 * @param stage where it stands
 * @param history every lifecycle step, oldest first, starting with the proposal
 * @param budgetLine the budget line it is paid from, null before approval
 * @param plannedAmount the approved amount, null before approval
 * @param schedule the planned dates, null before approval
 * @param bookings every commitment, reversal and actual booked, oldest first
 * @param firstTimeRight whether acceptance was first-time-right, null before acceptance
 * @param linesAdded the lines it added to service, 0 before acceptance
 * @param builtCapacity the capacity it built, empty before acceptance
 * @param overdue the milestones it was found overdue against
 */
public record CapexProjectSnapshot(CapexProjectId id, long version, CapexKind kind, String title,
        LocalNetworkId network, CapexRequestRef request, List<CapexCapacity> plannedCapacity, CapexStage stage,
        List<CapexTransition> history, CapexBudgetLine budgetLine, Money plannedAmount, CapexSchedule schedule,
        List<CapexBooking> bookings, Boolean firstTimeRight, long linesAdded, List<CapexCapacity> builtCapacity,
        Set<CapexMilestone> overdue) {

    /**
     * Copies the collections into unmodifiable ones (keeping any null, for restore to reject).
     *
     * @param id the project's id
     * @param version the stored version
     * @param kind what it is built for
     * @param title its title
     * @param network the local network that builds it
     * @param request the investment request it answers, or null
     * @param plannedCapacity the capacity it is to build
     * @param stage where it stands
     * @param history every lifecycle step, oldest first, starting with the proposal
     * @param budgetLine the budget line it is paid from, null before approval
     * @param plannedAmount the approved amount, null before approval
     * @param schedule the planned dates, null before approval
     * @param bookings every commitment, reversal and actual booked, oldest first
     * @param firstTimeRight whether acceptance was first-time-right, null before acceptance
     * @param linesAdded the lines it added to service, 0 before acceptance
     * @param builtCapacity the capacity it built, empty before acceptance
     * @param overdue the milestones it was found overdue against
     */
    public CapexProjectSnapshot {
        plannedCapacity = copy(plannedCapacity);
        history = copy(history);
        bookings = copy(bookings);
        builtCapacity = copy(builtCapacity);
        overdue = overdue == null ? null : Collections.unmodifiableSet(new HashSet<>(overdue));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
