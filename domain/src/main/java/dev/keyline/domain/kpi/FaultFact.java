package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A fault ticket as fault-handling timeliness sees it: its resolution deadline and when, if ever,
 * it was resolved.
 *
 * @param id the ticket's id, 1 to {@value Limits#ID_LENGTH} characters
 * @param deadline the resolution deadline
 * @param resolved when the fault was resolved, empty while it is open
 */
public record FaultFact(String id, Instant deadline, Optional<Instant> resolved) {

    /**
     * Validates the fact.
     *
     * @param id the ticket's id, 1 to {@value Limits#ID_LENGTH} characters
     * @param deadline the resolution deadline
     * @param resolved when the fault was resolved, empty while it is open
     * @throws InvalidArgumentException when an argument is null or the id is blank or too long
     */
    public FaultFact {
        Require.text(id, "id", Limits.ID_LENGTH);
        Require.nonNull(deadline, "deadline");
        Require.nonNull(resolved, "resolved");
    }

    /**
     * Whether the fault was resolved by its deadline.
     *
     * @return true when resolved and not after the deadline
     */
    public boolean resolvedInTime() {
        return resolved.isPresent() && !resolved.get().isAfter(deadline);
    }
}
