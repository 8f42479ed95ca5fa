package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A work order as market-response compliance sees it: when it was committed to be completed and
 * when, if ever, it was.
 *
 * @param id the work order's id, 1 to {@value Limits#ID_LENGTH} characters
 * @param committed the completion time committed to the customer
 * @param completed when the work order was completed, empty while it is open
 */
public record WorkOrderFact(String id, Instant committed, Optional<Instant> completed) {

    /**
     * Validates the fact.
     *
     * @param id the work order's id, 1 to {@value Limits#ID_LENGTH} characters
     * @param committed the completion time committed to the customer
     * @param completed when the work order was completed, empty while it is open
     * @throws InvalidArgumentException when an argument is null or the id is blank or too long
     */
    public WorkOrderFact {
        Require.text(id, "id", Limits.ID_LENGTH);
        Require.nonNull(committed, "committed");
        Require.nonNull(completed, "completed");
    }

    /**
     * Whether the work order was completed by its committed time.
     *
     * @return true when completed and not after the committed time
     */
    public boolean completedOnTime() {
        return completed.isPresent() && !completed.get().isAfter(committed);
    }
}
