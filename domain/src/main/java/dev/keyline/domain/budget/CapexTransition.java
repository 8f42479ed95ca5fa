package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One step of a {@link CapexProject}'s lifecycle: from which stage to which, who took it, when and
 * why. The first step of every project is its proposal, with no stage before it.
 *
 * @param from the stage before, or null for the proposal
 * @param to the stage after
 * @param by who took the step, or null for a proposal raised by another area's request
 * @param at when
 * @param reason why
 */
public record CapexTransition(CapexStage from, CapexStage to, UserId by, Instant at, String reason) {

    /**
     * Validates the step.
     *
     * @param from the stage before, or null for the proposal
     * @param to the stage after
     * @param by who took the step, or null for a proposal raised by another area's request
     * @param at when
     * @param reason why
     * @throws InvalidArgumentException naming {@code to}, {@code at} or {@code reason} when null or
     *     blank
     */
    public CapexTransition {
        Require.nonNull(to, "to");
        Require.nonNull(at, "at");
        Require.text(reason, "reason");
    }

    /**
     * Who took the step.
     *
     * @return the user, or empty for a proposal raised by another area's request
     */
    public Optional<UserId> taker() {
        return Optional.ofNullable(by);
    }
}
