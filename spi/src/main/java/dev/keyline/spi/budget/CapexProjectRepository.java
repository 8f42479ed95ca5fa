package dev.keyline.spi.budget;

import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.spi.AggregateRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CAPEX projects, each with its lifecycle history, bookings and capacity, and the queries the
 * CAPEX KPIs and the schedule sweep need. Saving follows {@link AggregateRepository}; the history
 * and the bookings are saved with the project. At most one project answers one investment request:
 * saving a second new project for the same request fails with
 * {@link dev.keyline.domain.common.AlreadyExistsException}. Every method must be called inside a
 * transaction of the provider.
 */
public interface CapexProjectRepository extends AggregateRepository<CapexProject, CapexProjectId> {

    /**
     * The project proposed for an investment request.
     *
     * @param request the request's id
     * @return the project, or empty when none was proposed for it
     * @throws InvalidArgumentException when {@code request} is null
     */
    Optional<CapexProject> findByRequest(CapexRequestRef request);

    /**
     * The projects in one stage.
     *
     * @param stage the stage
     * @return the projects ordered by proposal time, then id
     * @throws InvalidArgumentException when {@code stage} is null
     */
    List<CapexProject> byStage(CapexStage stage);

    /**
     * The projects accepted (竣工验收) in a time range, for the acceptance-compliance KPI (each says
     * whether it was first-time-right) and CAPEX per line. Evaluated projects count by their acceptance.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive; not before {@code from}
     * @return the projects ordered by acceptance time, then id
     * @throws InvalidArgumentException when an argument is null or {@code to} is before {@code from}
     */
    List<CapexProject> acceptedBetween(Instant from, Instant to);

    /**
     * The lines the projects accepted in a time range added to service.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive; not before {@code from}
     * @return the sum of their lines added, 0 when none was accepted
     * @throws InvalidArgumentException when an argument is null or {@code to} is before {@code from}
     */
    long linesAddedBetween(Instant from, Instant to);

    /**
     * The projects overdue at an instant: still approved after their planned start, or in
     * construction after their planned acceptance ({@link CapexProject#isOverdueAt(Instant)}).
     *
     * @param at the instant
     * @return a stream ordered by the date they were due, then id; close it after use
     * @throws InvalidArgumentException when {@code at} is null
     */
    Stream<CapexProject> overdueAt(Instant at);
}
