package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * The planned dates of an approved {@link CapexProject}: when construction starts and when the
 * project is accepted (竣工验收). A project still short of a milestone after its date is overdue.
 *
 * @param plannedStart when construction should start
 * @param plannedAcceptance when the project should be accepted; after the start
 */
public record CapexSchedule(Instant plannedStart, Instant plannedAcceptance) {

    /**
     * Validates the schedule.
     *
     * @param plannedStart when construction should start
     * @param plannedAcceptance when the project should be accepted; after the start
     * @throws InvalidArgumentException naming the component that is null, or
     *     {@code plannedAcceptance} when it is not after the start
     */
    public CapexSchedule {
        Require.nonNull(plannedStart, "plannedStart");
        Require.nonNull(plannedAcceptance, "plannedAcceptance");
        Require.that(plannedAcceptance.isAfter(plannedStart), "plannedAcceptance",
                () -> "must be after the planned start " + plannedStart + ", was " + plannedAcceptance);
    }

    /**
     * The planned date of a milestone.
     *
     * @param milestone the milestone
     * @return its date
     * @throws InvalidArgumentException when {@code milestone} is null
     */
    public Instant dateOf(CapexMilestone milestone) {
        Require.nonNull(milestone, "milestone");
        return milestone == CapexMilestone.CONSTRUCTION_START ? plannedStart : plannedAcceptance;
    }
}
