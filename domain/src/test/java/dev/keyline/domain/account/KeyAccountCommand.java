package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated command against a {@link KeyAccount}, as a value, so that random command sequences
 * can be generated, shown when a property fails, and replayed. Each command's time is the account's
 * last change plus {@link #secondsAfterLastChange()} (negative values test the time rule).
 */
public sealed interface KeyAccountCommand {

    /** Seconds after the account's last change at which the command happens; may be negative. */
    long secondsAfterLastChange();

    /**
     * Runs the command against the account.
     *
     * @param account the account
     */
    void applyTo(KeyAccount account);

    /**
     * The time the command happens at for this account.
     *
     * @param account the account
     * @return its last change plus the offset
     */
    default Instant at(KeyAccount account) {
        return account.lastChangedAt().plusSeconds(secondsAfterLastChange());
    }

    /** @param by who @param secondsAfterLastChange offset */
    record Activate(UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.activate(by, at(account));
        }
    }

    /** @param manager manager @param by who @param secondsAfterLastChange offset */
    record AssignManager(UserId manager, UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.assignManager(manager, by, at(account));
        }
    }

    /** @param team team @param by who @param secondsAfterLastChange offset */
    record AssignTeam(AccountTeam team, UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.assignTeam(team, by, at(account));
        }
    }

    /** @param profile profile @param by who @param secondsAfterLastChange offset */
    record UpdateProfile(AccountProfile profile, UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.updateProfile(profile, by, at(account));
        }
    }

    /** @param flags flags @param by who @param secondsAfterLastChange offset */
    record FlagPotential(PotentialFlags flags, UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.flagPotential(flags, by, at(account));
        }
    }

    /**
     * @param tier tier @param ruleName rule (may be blank) @param runDate date @param by who
     * @param secondsAfterLastChange offset
     */
    record Classify(Tier tier, String ruleName, LocalDate runDate, UserId by, long secondsAfterLastChange)
            implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.classify(tier, ruleName, runDate, by, at(account));
        }
    }

    /**
     * @param tier tier @param reason reason (may be blank) @param requestedBy requester
     * @param approvedBy approver @param secondsAfterLastChange offset
     */
    record OverrideTier(Tier tier, String reason, UserId requestedBy, UserId approvedBy, long secondsAfterLastChange)
            implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.overrideTier(tier, reason, requestedBy, approvedBy, at(account));
        }
    }

    /** @param signals signals (may be empty) @param secondsAfterLastChange offset */
    record RaiseChurnWarning(List<ChurnSignal> signals, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.raiseChurnWarning(signals, at(account));
        }
    }

    /** @param by who @param secondsAfterLastChange offset */
    record ClearChurnWarning(UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.clearChurnWarning(by, at(account));
        }
    }

    /** @param reason reason (may be blank) @param by who @param secondsAfterLastChange offset */
    record Exit(String reason, UserId by, long secondsAfterLastChange) implements KeyAccountCommand {
        @Override
        public void applyTo(KeyAccount account) {
            account.exit(reason, by, at(account));
        }
    }
}
