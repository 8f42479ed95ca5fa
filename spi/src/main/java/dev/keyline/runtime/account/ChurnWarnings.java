package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.account.ChurnInputs;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The churn warning loop (客户预警) of key accounts run through the runtime: the churn warning rules
 * (客户预警规则) evaluated on an account's spend facts and observations, raising a warning to its
 * account manager, and clearing it again.
 *
 * <p>Commands follow the steps of every service command ({@link KeyAccounts}): access is checked
 * with {@link Access} before anything changes, the account is saved with the version check
 * and its events go to the outbox in the same transaction. Immutable and thread-safe; the
 * {@code with…} methods return new instances.
 */
public final class ChurnWarnings {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final KeyAccountRepository accounts;
    private final SpendFactRepository spendFacts;
    private final ChurnEvaluator churnRules;

    private ChurnWarnings(Keyline keyline, KeyAccountRepository accounts, SpendFactRepository spendFacts,
            ChurnEvaluator churnRules) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.accounts = accounts;
        this.spendFacts = spendFacts;
        this.churnRules = churnRules;
    }

    /**
     * The churn warning service on a runtime, with the standard rules ({@link ChurnEvaluator#standard()}).
     *
     * @param keyline the runtime; its storage provider must store the key-account area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the key-account area
     */
    public static ChurnWarnings on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        StorageProvider storage = keyline.storage();
        return new ChurnWarnings(keyline, storage.port(KeyAccountRepository.class), storage.port(SpendFactRepository.class),
                ChurnEvaluator.standard());
    }

    /**
     * This service with other churn warning rules.
     *
     * @param rules the rules {@link #evaluateChurn(Actor, AccountId, ChurnObservations)} applies
     * @return a new service
     */
    public ChurnWarnings withChurnRules(ChurnEvaluator rules) {
        return new ChurnWarnings(keyline, accounts, spendFacts, Require.nonNull(rules, "rules"));
    }

    /** {@return the churn warning rules in use} */
    public ChurnEvaluator churnRules() {
        return churnRules;
    }

    /**
     * Runs the churn warning rules (客户预警规则) for one account as of today (in the host's time zone,
     * {@link dev.keyline.runtime.Keyline#zone()}), on its stored spend facts and the given observations. When rules fire whose names are
     * not yet on the account's open warning, and the account is served (active or already warned),
     * the new signals are put on its warning and {@link ChurnWarningRaised} (type
     * {@value ChurnWarningRaised#TYPE}) goes to its account manager; otherwise nothing changes, so
     * the evaluation may run daily without repeating a warning.
     *
     * @param actor who runs it
     * @param account the account
     * @param observations arrears and complaints
     * @return what the rules found and what was raised
     */
    public ChurnEvaluation evaluateChurn(Actor actor, AccountId account, ChurnObservations observations) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        Require.nonNull(observations, "observations");
        // a command whose save depends on what the rules find: the steps of ServiceSteps, spelled out
        return keyline.execute(ctx -> {
            KeyAccount a = load(account);
            Access.requireMayChange(actor, a.accessScope(), "evaluate the churn rules");
            LocalDate asOf = ctx.today();
            ChurnInputs inputs = ChurnInputs.from(account, asOf, spendFacts.byAccount(account), observations.arrears(),
                    observations.oldestUnpaidDue(), observations.complaints());
            List<ChurnSignal> signals = churnRules.evaluate(inputs);
            Set<String> onWarning = new LinkedHashSet<>();
            a.churnSignals().forEach(s -> onWarning.add(s.rule()));
            List<ChurnSignal> fresh = signals.stream().filter(s -> !onWarning.contains(s.rule())).toList();
            if (fresh.isEmpty() || !a.status().isServed()) {
                return new ChurnEvaluation(account, asOf, signals, List.of(), a.status());
            }
            a.raiseChurnWarning(fresh, ctx.now());
            ctx.save(accounts, a);
            return new ChurnEvaluation(account, asOf, signals, fresh, a.status());
        });
    }

    /**
     * Clears the account's open churn warning ({@code CHURN_WARNING → ACTIVE}). Raises
     * {@code account.churn-warning-cleared}.
     *
     * @param actor who clears it
     * @param account the account
     * @return the account
     */
    public KeyAccountSnapshot clearChurnWarning(Actor actor, AccountId account) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        return steps.change(accounts, account,
                (a, ctx) -> Access.requireMayChange(actor, a.accessScope(), "clear the churn warning"),
                (a, ctx) -> a.clearChurnWarning(actor.user(), ctx.now()), KeyAccount::snapshot);
    }

    private KeyAccount load(AccountId account) {
        Require.nonNull(account, "account");
        return accounts.get(account);
    }
}
