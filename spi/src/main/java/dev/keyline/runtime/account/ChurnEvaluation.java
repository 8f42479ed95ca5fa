package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one run of the churn warning rules (客户预警规则) for one key account: every signal
 * the rules gave, the ones that were put on the account's warning (and so notified to its account
 * manager), and the account's status afterwards.
 *
 * @param account the account
 * @param asOf the date the rules assessed
 * @param signals every signal the rules gave, in rule order
 * @param raised the signals added to the account's churn warning; empty when nothing new fired or
 *     the account is not served (a prospect or exited)
 * @param status the account's status after the evaluation
 */
public record ChurnEvaluation(AccountId account, LocalDate asOf, List<ChurnSignal> signals, List<ChurnSignal> raised,
        AccountStatus status) {

    /**
     * Validates and copies the outcome.
     *
     * @param account the account
     * @param asOf the date the rules assessed
     * @param signals every signal the rules gave, in rule order
     * @param raised the signals added to the account's churn warning; empty when nothing new fired or the account is not served (a prospect or exited)
     * @param status the account's status after the evaluation
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component that is null
     *     or when a raised signal is not among the signals
     */
    public ChurnEvaluation {
        Require.nonNull(account, "account");
        Require.nonNull(asOf, "asOf");
        signals = Require.nonNullElements(signals, "signals");
        raised = Require.nonNullElements(raised, "raised");
        Require.that(signals.containsAll(raised), "raised", "must be among the signals");
        Require.nonNull(status, "status");
    }

    /** {@return whether this evaluation raised (or added to) a churn warning} */
    public boolean warned() {
        return !raised.isEmpty();
    }
}
