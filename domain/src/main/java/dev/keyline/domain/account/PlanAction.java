package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One step of an account plan's action plan (行动计划): what is to be done, by whom, by when, and
 * whether it is done.
 *
 * @param number its number in the plan, from 1
 * @param description what is to be done, not blank (trimmed)
 * @param owner who owns it
 * @param due when it is due
 * @param completedAt when it was completed, once done
 * @param completedBy who completed it, once done
 */
public record PlanAction(int number, String description, UserId owner, LocalDate due, Optional<Instant> completedAt,
        Optional<UserId> completedBy) {

    /**
     * Validates the action.
     *
     * @param number its number in the plan, from 1
     * @param description what is to be done, not blank (trimmed)
     * @param owner who owns it
     * @param due when it is due
     * @param completedAt when it was completed, once done
     * @param completedBy who completed it, once done
     */
    public PlanAction {
        Require.positive(number, "number");
        Require.text(description, "description");
        description = description.strip();
        Require.nonNull(owner, "owner");
        Require.nonNull(due, "due");
        Require.nonNull(completedAt, "completedAt");
        Require.nonNull(completedBy, "completedBy");
        if (completedAt.isPresent() != completedBy.isPresent()) {
            throw new InvalidArgumentException("completedBy", "must be present exactly when completedAt is");
        }
    }

    /** {@return whether the action is done} */
    public boolean isDone() {
        return completedAt.isPresent();
    }

    PlanAction completed(UserId by, Instant at) {
        return new PlanAction(number, description, owner, due, Optional.of(at), Optional.of(by));
    }
}
