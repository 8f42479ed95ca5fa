package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a key account (大客户) stands in its life with the operator, up to churn (离网).
 *
 * <p>Allowed transitions:
 * <pre>
 * PROSPECT       → ACTIVE, EXITED
 * ACTIVE         → CHURN_WARNING, EXITED
 * CHURN_WARNING  → ACTIVE (warning cleared), EXITED
 * EXITED         → (none: final)
 * </pre>
 * Every other transition is rejected with an
 * {@link dev.keyline.domain.common.InvalidStateException}.
 */
public enum AccountStatus {
    /** Registered, not yet served as a key account. */
    PROSPECT,
    /** Served as a key account; has an account manager. */
    ACTIVE,
    /** A churn warning (客户预警) is open; the account manager must act. */
    CHURN_WARNING,
    /** The customer left the network (离网); final, every resource it holds must be released. */
    EXITED;

    /** {@return the statuses this status may move to} */
    public Set<AccountStatus> next() {
        return switch (this) {
            case PROSPECT -> EnumSet.of(ACTIVE, EXITED);
            case ACTIVE -> EnumSet.of(CHURN_WARNING, EXITED);
            case CHURN_WARNING -> EnumSet.of(ACTIVE, EXITED);
            case EXITED -> EnumSet.noneOf(AccountStatus.class);
        };
    }

    /**
     * Whether the transition from this status to {@code target} is allowed.
     *
     * @param target the status to move to
     * @return true when allowed
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code target} is null
     */
    public boolean canMoveTo(AccountStatus target) {
        return next().contains(Require.nonNull(target, "target"));
    }

    /** {@return whether no transition leaves this status} */
    public boolean isFinal() {
        return this == EXITED;
    }

    /** {@return whether the account is being served: {@link #ACTIVE} or {@link #CHURN_WARNING}} */
    public boolean isServed() {
        return this == ACTIVE || this == CHURN_WARNING;
    }
}
