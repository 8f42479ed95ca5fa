package dev.keyline.runtime.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.ArrearsRule;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.billing.ArrearsAgeing;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.ChurnEvaluation;
import dev.keyline.runtime.account.ChurnObservations;
import dev.keyline.runtime.account.ChurnWarnings;
import java.time.LocalDate;
import java.util.List;

/**
 * The path from billing's arrears to the key-account area's churn warnings (客户预警): a credit
 * check folds the account's arrears facts as of today into its credit profile
 * ({@link BillingAccounts#refreshArrears}) and hands the arrears and the due date of the oldest
 * unpaid bill to {@link ChurnWarnings#evaluateChurn}, in one transaction. The key-account area
 * takes its arrears only as {@link ChurnObservations}, so it does not depend on billing.
 *
 * <p>The churn rules are {@link ChurnEvaluator#standard()} with {@link ArrearsRule} added, by
 * default {@link #DEFAULT_ARREARS_RULE}; {@link #withChurnRules(ChurnEvaluator)} sets others.
 *
 * <p><b>Access.</b> A check raises a churn warning, so the actor must be one who may change the
 * key account (its account manager, an industry manager of its industry, the department general
 * manager or the general manager); a refused actor gets
 * {@link dev.keyline.domain.common.NotAuthorisedException} and nothing changes. Immutable and
 * thread-safe.
 */
public final class CreditWarnings {

    /** The project's default arrears rule (the seed gives no numbers): more than 60 days and at least 10,000.00 CNY. */
    public static final ArrearsRule DEFAULT_ARREARS_RULE = new ArrearsRule(60, Money.cny("10000.00"));

    private final Keyline keyline;
    private final BillingAccounts billing;
    private final ChurnWarnings churn;

    private CreditWarnings(Keyline keyline, BillingAccounts billing, ChurnWarnings churn) {
        this.keyline = keyline;
        this.billing = billing;
        this.churn = churn;
    }

    /**
     * The credit warning service on a runtime, with the standard churn rules and
     * {@link #DEFAULT_ARREARS_RULE}.
     *
     * @param keyline the runtime; its storage provider must store the key-account and billing areas
     * @return the service
     */
    public static CreditWarnings on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new CreditWarnings(keyline, BillingAccounts.on(keyline),
                ChurnWarnings.on(keyline).withChurnRules(ChurnEvaluator.standard().with(DEFAULT_ARREARS_RULE)));
    }

    /**
     * This service with other churn warning rules.
     *
     * @param rules the rules a check applies
     * @return a new service
     */
    public CreditWarnings withChurnRules(ChurnEvaluator rules) {
        return new CreditWarnings(keyline, billing, churn.withChurnRules(Require.nonNull(rules, "rules")));
    }

    /** {@return the churn warning rules in use} */
    public ChurnEvaluator churnRules() {
        return churn.churnRules();
    }

    /**
     * Checks one account's credit as of today: refreshes its arrears from billing's facts (raising
     * {@code billing.credit-limit-exceeded} when its exposure goes above the limit) and runs the
     * churn warning rules on them (raising {@code account.churn-warning-raised} when a rule fires
     * that is not yet on the account's warning). All in one transaction: when either step is
     * refused, nothing changes.
     *
     * @param actor who may change the key account
     * @param account the account
     * @param complaints the account's complaint dates, for the complaint rule
     * @return the refreshed billing account and the churn evaluation
     */
    public CreditCheck check(Actor actor, AccountId account, List<LocalDate> complaints) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        List<LocalDate> dates = Require.nonNullElements(complaints, "complaints");
        return keyline.execute(ctx -> {
            BillingAccountSnapshot refreshed = billing.refreshArrears(actor, account);
            ArrearsAgeing arrears = refreshed.arrears();
            ChurnEvaluation evaluation = churn.evaluateChurn(actor, account,
                    new ChurnObservations(arrears.total(), arrears.oldestUnpaidDue(), dates));
            return new CreditCheck(refreshed, evaluation);
        });
    }
}
