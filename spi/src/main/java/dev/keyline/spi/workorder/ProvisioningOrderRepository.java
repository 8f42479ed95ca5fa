package dev.keyline.spi.workorder;

import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.spi.AggregateRepository;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Provisioning orders (开通工单) with their stages and hand-offs, and the queries the KPIs and the
 * warning and escalation sweep need. Saving follows {@link AggregateRepository}; the stages and
 * hand-offs are saved with the order. Every query needs a transaction.
 */
public interface ProvisioningOrderRepository extends AggregateRepository<ProvisioningOrder, ProvisioningOrderId> {

    /**
     * The orders not yet accepted whose committed completion is at or before an instant.
     *
     * @param dueBy the instant
     * @return a stream ordered by committed completion, then id; close it after use
     */
    Stream<ProvisioningOrder> openDueBy(Instant dueBy);

    /**
     * The running stages (started, not held) of orders not yet accepted that are due at or before
     * {@code now} and not yet escalated.
     *
     * @param now the instant
     * @return the stages with their due times, ordered by due time, then order id, then stage id
     */
    List<ProvisioningStageDue> overdueStages(Instant now);

    /**
     * The running stages (started, not held) of orders not yet accepted whose warning time is at
     * or before {@code instant} and that were not yet warned.
     *
     * @param instant the instant
     * @return the stages with their warning times, ordered by warning time, then order id, then stage id
     */
    List<ProvisioningStageDue> warningsDueBy(Instant instant);

    /**
     * The orders the customer accepted in {@code [from, to)}, for the KPIs' four-level assessment.
     *
     * @param from the first instant, inclusive
     * @param to the end, exclusive; not before {@code from}
     * @return a stream ordered by acceptance time, then id; close it after use
     */
    Stream<ProvisioningOrder> acceptedBetween(Instant from, Instant to);
}
