package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A construction project as acceptance compliance sees it: the date its acceptance (竣工验收) was
 * due and when, if ever, it was accepted.
 *
 * @param id the project's id, 1 to {@value Limits#ID_LENGTH} characters
 * @param due when the acceptance was due
 * @param accepted when the project was accepted, empty while it is not
 */
public record AcceptanceFact(String id, Instant due, Optional<Instant> accepted) {

    /**
     * Validates the fact.
     *
     * @param id the project's id, 1 to {@value Limits#ID_LENGTH} characters
     * @param due when the acceptance was due
     * @param accepted when the project was accepted, empty while it is not
     * @throws InvalidArgumentException when an argument is null or the id is blank or too long
     */
    public AcceptanceFact {
        Require.text(id, "id", Limits.ID_LENGTH);
        Require.nonNull(due, "due");
        Require.nonNull(accepted, "accepted");
    }

    /**
     * Whether the project was accepted by its due time.
     *
     * @return true when accepted and not after the due time
     */
    public boolean acceptedInTime() {
        return accepted.isPresent() && !accepted.get().isAfter(due);
    }
}
