package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.account.ChurnInputs;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.account.LocalNetworkId;
import dev.keyline.domain.account.PotentialCandidate;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.authority.AccountAccess;
import dev.keyline.domain.authority.AccountScope;
import dev.keyline.domain.authority.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.CommandContext;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The key-account area (大客户管理) run through the runtime: registering and serving key accounts
 * (大客户), billing's spend facts, the periodic reclassification (大客户重新认定), manual tier
 * overrides, the churn warning loop (客户预警) and exit (离网).
 *
 * <p><b>Every command</b> takes the {@link Actor} who issues it and
 * <ol>
 *   <li>validates its arguments (an {@link InvalidArgumentException} naming the argument);</li>
 *   <li>runs in one transaction of the runtime ({@link Keyline#execute}), joining one already active
 *       on the calling thread;</li>
 *   <li>loads what it needs and checks access with {@link AccountAccess} <em>before</em> changing
 *       anything: an account manager (客户经理) changes only the accounts assigned to them, an
 *       industry manager (行业经理) those of the industries they lead, the department general manager
 *       and the general manager any; anyone else gets a {@link NotAuthorisedException} and nothing
 *       changes, no event is written;</li>
 *   <li>calls the domain, saves with the version check (a concurrent change surfaces as
 *       {@link StaleVersionException}) and writes the raised events to the outbox in the same
 *       transaction, so the relay delivers them if and only if the command committed.</li>
 * </ol>
 * Any failure rolls the whole command back. Commands return an immutable snapshot of what they
 * changed; queries run in a transaction of their own and need no actor.
 *
 * <p><b>Configuration.</b> Obtain the service with {@link #on(Keyline)}; give each local network
 * its {@link ClassificationSettings} with {@link #withClassification(LocalNetworkId, ClassificationSettings)}
 * and, if the standard ones do not suit, the churn rules with {@link #withChurnRules(ChurnEvaluator)}.
 * The service is immutable and thread-safe; the {@code with…} methods return new instances.
 *
 * <p><b>Exit.</b> {@link #exit(Actor, AccountId, String)} raises {@link AccountExited}, type
 * {@value AccountExited#TYPE}, addressed to the account manager role with the account and its
 * network: the resources area consumes it to release every resource the account holds.
 */
public final class KeyAccounts {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final KeyAccountRepository accounts;
    private final SpendFactRepository spendFacts;
    private final ClassificationResultRepository results;
    private final Map<LocalNetworkId, ClassificationSettings> classifications;
    private final ChurnEvaluator churnRules;

    private KeyAccounts(Keyline keyline, KeyAccountRepository accounts, SpendFactRepository spendFacts,
            ClassificationResultRepository results, Map<LocalNetworkId, ClassificationSettings> classifications,
            ChurnEvaluator churnRules) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.accounts = accounts;
        this.spendFacts = spendFacts;
        this.results = results;
        this.classifications = Map.copyOf(classifications);
        this.churnRules = churnRules;
    }

    /**
     * The key-account service on a runtime, with no network configured for reclassification and
     * the standard churn rules ({@link ChurnEvaluator#standard()}).
     *
     * @param keyline the runtime; its storage provider must store key accounts, spend facts and
     *     classification results
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the key-account area
     */
    public static KeyAccounts on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        StorageProvider storage = keyline.storage();
        return new KeyAccounts(keyline, storage.port(KeyAccountRepository.class), storage.port(SpendFactRepository.class), storage.port(ClassificationResultRepository.class),
                Map.of(), ChurnEvaluator.standard());
    }

    /**
     * This service with the classification settings of one local network (replacing any it had).
     *
     * @param network the local network
     * @param settings how the network draws its key-account list
     * @return a new service
     */
    public KeyAccounts withClassification(LocalNetworkId network, ClassificationSettings settings) {
        Require.nonNull(network, "network");
        Require.nonNull(settings, "settings");
        Map<LocalNetworkId, ClassificationSettings> more = new HashMap<>(classifications);
        more.put(network, settings);
        return new KeyAccounts(keyline, accounts, spendFacts, results, more, churnRules);
    }

    /**
     * This service with other churn warning rules.
     *
     * @param rules the rules {@link #evaluateChurn(Actor, AccountId, ChurnObservations)} applies
     * @return a new service
     */
    public KeyAccounts withChurnRules(ChurnEvaluator rules) {
        return new KeyAccounts(keyline, accounts, spendFacts, results, classifications, Require.nonNull(rules, "rules"));
    }

    /** The classification settings of a network, if configured. */
    public Optional<ClassificationSettings> classificationOf(LocalNetworkId network) {
        return Optional.ofNullable(classifications.get(Require.nonNull(network, "network")));
    }

    /** The churn warning rules in use. */
    public ChurnEvaluator churnRules() {
        return churnRules;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Registers a customer as a prospective key account (status {@code PROSPECT}, tier
     * {@code NONE}). The actor needs access to the account it registers: its account manager (when
     * the user directory already assigns it), an industry manager of its industry or a general
     * manager. Raises {@code account.registered}.
     *
     * @param actor who registers it
     * @param id the account id
     * @param name the customer name, not blank
     * @param network the local network that manages it
     * @param industry its industry
     * @param profile its characteristics
     * @param potential its potential key-account flags
     * @return the new account
     * @throws NotAuthorisedException when the actor may not change such an account
     * @throws AlreadyExistsException when the id is taken
     */
    public KeyAccountSnapshot register(Actor actor, AccountId id, String name, LocalNetworkId network, Industry industry,
            AccountProfile profile, PotentialFlags potential) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonBlank(name, "name");
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
        Require.nonNull(profile, "profile");
        Require.nonNull(potential, "potential");
        return keyline.execute(ctx -> {
            AccountAccess.requireMayChange(actor, new AccountScope(id, network, industry), "register the key account");
            if (accounts.find(id).isPresent()) {
                throw new AlreadyExistsException("a key account with id " + id + " is already registered");
            }
            KeyAccount account = KeyAccount.register(id, name, network, industry, profile, potential, actor.user(), ctx.now());
            ctx.save(accounts, account);
            return account.snapshot();
        });
    }

    /**
     * Registers a customer with a blank profile and no potential flags; see
     * {@link #register(Actor, AccountId, String, LocalNetworkId, Industry, AccountProfile, PotentialFlags)}.
     *
     * @param actor who registers it
     * @param id the account id
     * @param name the customer name
     * @param network the local network
     * @param industry the industry
     * @return the new account
     */
    public KeyAccountSnapshot register(Actor actor, AccountId id, String name, LocalNetworkId network, Industry industry) {
        return register(actor, id, name, network, industry, AccountProfile.blank(), PotentialFlags.none());
    }

    /**
     * Makes {@code manager} the account manager (客户经理) of the account. Raises
     * {@code account.manager-assigned}.
     *
     * @param actor who assigns
     * @param account the account
     * @param manager the new account manager
     * @return the account
     */
    public KeyAccountSnapshot assignManager(Actor actor, AccountId account, UserId manager) {
        Require.nonNull(manager, "manager");
        return change(actor, account, "assign an account manager",
                (a, ctx) -> a.assignManager(manager, actor.user(), ctx.now()));
    }

    /**
     * Gives the account a virtual team (虚拟团队). Raises {@code account.team-assigned}.
     *
     * @param actor who assigns it
     * @param account the account
     * @param team the team
     * @return the account
     */
    public KeyAccountSnapshot assignTeam(Actor actor, AccountId account, AccountTeam team) {
        Require.nonNull(team, "team");
        return change(actor, account, "assign a team", (a, ctx) -> a.assignTeam(team, actor.user(), ctx.now()));
    }

    /**
     * Starts serving a prospect as a key account ({@code PROSPECT → ACTIVE}); it must have an
     * account manager. Raises {@code account.activated}.
     *
     * @param actor who activates it
     * @param account the account
     * @return the account
     */
    public KeyAccountSnapshot activate(Actor actor, AccountId account) {
        return change(actor, account, "activate the account", (a, ctx) -> a.activate(actor.user(), ctx.now()));
    }

    /**
     * Replaces the account's characteristics. Raises {@code account.profile-updated}.
     *
     * @param actor who updates it
     * @param account the account
     * @param profile the new profile
     * @return the account
     */
    public KeyAccountSnapshot updateProfile(Actor actor, AccountId account, AccountProfile profile) {
        Require.nonNull(profile, "profile");
        return change(actor, account, "update the profile", (a, ctx) -> a.updateProfile(profile, actor.user(), ctx.now()));
    }

    /**
     * Replaces the account's potential key-account flags. Raises {@code account.potential-flagged}.
     *
     * @param actor who sets them
     * @param account the account
     * @param flags the new flags
     * @return the account
     */
    public KeyAccountSnapshot flagPotential(Actor actor, AccountId account, PotentialFlags flags) {
        Require.nonNull(flags, "flags");
        return change(actor, account, "flag the potential", (a, ctx) -> a.flagPotential(flags, actor.user(), ctx.now()));
    }

    /**
     * Records that the customer left the network (离网). Raises {@link AccountExited} (type
     * {@value AccountExited#TYPE}), which tells the resources area to release every resource the
     * account holds.
     *
     * @param actor who records the exit
     * @param account the account
     * @param reason why it left, not blank
     * @return the account, exited
     */
    public KeyAccountSnapshot exit(Actor actor, AccountId account, String reason) {
        Require.nonBlank(reason, "reason");
        return change(actor, account, "record the exit", (a, ctx) -> a.exit(reason, actor.user(), ctx.now()));
    }

    // ---------------------------------------------------------------- tiers

    /**
     * Sets an account's tier by hand (for example onto or off the national list), with a reason.
     * The requester needs access to the account; the approver must be an industry manager of its
     * industry, the department general manager or the general manager, and not the requester
     * ({@link AccountAccess#requireMayApproveTierOverride}). Raises {@code account.tier-changed}.
     *
     * @param requester who asks for the override
     * @param approver who approves it
     * @param account the account
     * @param tier the new tier; differs from the current one
     * @param reason why, not blank
     * @return the account
     * @throws NotAuthorisedException when the requester may not change the account or the approver
     *     may not approve the override
     */
    public KeyAccountSnapshot overrideTier(Actor requester, Actor approver, AccountId account, Tier tier, String reason) {
        Require.nonNull(requester, "requester");
        Require.nonNull(approver, "approver");
        Require.nonNull(account, "account");
        Require.nonNull(tier, "tier");
        Require.nonBlank(reason, "reason");
        return keyline.execute(ctx -> {
            KeyAccount a = load(account);
            AccountScope scope = AccountScopes.of(a);
            AccountAccess.requireMayChange(requester, scope, "ask for a tier override");
            AccountAccess.requireMayApproveTierOverride(approver, scope, requester.user());
            a.overrideTier(tier, reason, requester.user(), approver.user(), ctx.now());
            ctx.save(accounts, a);
            return a.snapshot();
        });
    }

    /**
     * Runs the reclassification (大客户重新认定) of one local network when its policy makes it due;
     * see {@link #reclassifyForced(Actor, LocalNetworkId, LocalDate)} for what a run does.
     *
     * @param actor who runs it; must be the department general manager or the general manager
     * @param network the local network
     * @param runDate the run date; not after today (in the runtime clock's zone), not before the last run
     * @return the plan that was applied: the stored result, the tier changes and the accounts the
     *     run found that are not registered
     * @throws ReclassificationNotDueException when the last run is more recent than the policy's
     *     interval; nothing is changed
     */
    public ReclassificationPlan reclassify(Actor actor, LocalNetworkId network, LocalDate runDate) {
        return runReclassification(actor, network, runDate, false);
    }

    /**
     * Runs the reclassification of one local network whether or not it is due, in one transaction:
     * <ol>
     *   <li>loads billing's spend facts of the network over the policy's assessment window (the
     *       interval's whole months before the run date's month) and every registered account of
     *       the network;</li>
     *   <li>averages each customer's effective spend over the window
     *       ({@link dev.keyline.domain.account.SpendAverages}), draws the key-account list with the
     *       network's rule, splits it into level 1 and level 2 by the national list and, when
     *       configured, assesses the potential key accounts ({@link Reclassification});</li>
     *   <li>stores the dated {@link ClassificationResult};</li>
     *   <li>sets every registered, not exited account of the network to the tier the result gives
     *       it ({@link KeyAccount#classify}), recording the change in its tier history, and saves
     *       each changed account; a manual override is replaced, as the list is redrawn as a whole.</li>
     * </ol>
     * Result, tiers, histories and {@code account.tier-changed} events commit together or not at
     * all. Customers the run lists that are not registered are reported in the plan, not registered.
     *
     * @param actor who runs it; must be the department general manager or the general manager,
     *     since a run may change every account of the network
     * @param network the local network
     * @param runDate the run date; not after today, not before the network's last run
     * @return the plan that was applied
     * @throws NotAuthorisedException when the actor may not change every account
     * @throws ConfigurationException when no classification settings are configured for the network
     * @throws AlreadyExistsException when the network already has a run on that date
     * @throws InvalidStateException when potential key accounts are assessed and a key account of
     *     the run is not registered (its industry is unknown)
     */
    public ReclassificationPlan reclassifyForced(Actor actor, LocalNetworkId network, LocalDate runDate) {
        return runReclassification(actor, network, runDate, true);
    }

    private ReclassificationPlan runReclassification(Actor actor, LocalNetworkId network, LocalDate runDate, boolean forced) {
        Require.nonNull(actor, "actor");
        Require.nonNull(network, "network");
        Require.nonNull(runDate, "runDate");
        return keyline.execute(ctx -> {
            AccountScopes.requireChangesEveryAccount(actor, "run the reclassification of network " + network);
            ClassificationSettings settings = classificationOf(network).orElseThrow(() -> new ConfigurationException(
                    "no classification settings for network " + network + "; configure them with withClassification(...)"));
            LocalDate today = today(ctx);
            if (runDate.isAfter(today)) {
                throw new InvalidArgumentException("runDate", "must not be after today " + today + ", was " + runDate);
            }
            Optional<LocalDate> lastRun = results.latest(network).map(ClassificationResult::runDate);
            if (lastRun.isPresent() && runDate.isBefore(lastRun.get())) {
                throw new InvalidArgumentException("runDate", "must not be before the network's last run on "
                        + lastRun.get() + ", was " + runDate);
            }
            if (!forced && !settings.policy().isDue(lastRun, runDate)) {
                throw new ReclassificationNotDueException(network, runDate, lastRun.orElseThrow(),
                        settings.policy().nextRunAfter(lastRun.orElseThrow()));
            }
            AssessmentWindow window = settings.policy().window(runDate);
            List<SpendFact> facts;
            try (Stream<SpendFact> stream = spendFacts.byNetworkAndMonths(network, window.first(), window.last())) {
                facts = stream.toList();
            }
            List<KeyAccount> registered;
            try (Stream<KeyAccount> stream = accounts.byNetwork(network)) {
                registered = stream.toList();
            }
            ClassificationResult result = classify(network, runDate, window, facts, settings, registered);
            results.store(result);
            ReclassificationPlan plan = ReclassificationPlan.of(result, registered.stream().map(KeyAccount::snapshot).toList());
            Map<AccountId, KeyAccount> byId = new HashMap<>();
            registered.forEach(a -> byId.put(a.id(), a));
            for (TierUpdate update : plan.updates()) {
                KeyAccount account = byId.get(update.account());
                plan.applyTo(account, actor.user(), ctx.now());
                ctx.save(accounts, account);
            }
            return plan;
        });
    }

    private static ClassificationResult classify(LocalNetworkId network, LocalDate runDate, AssessmentWindow window,
            List<SpendFact> facts, ClassificationSettings settings, List<KeyAccount> registered) {
        ClassificationResult keysOnly = Reclassification.run(network, runDate, window, facts, settings.rule(),
                settings.nationals());
        if (settings.potentials().isEmpty()) {
            return keysOnly;
        }
        Set<AccountId> known = new HashSet<>();
        List<PotentialCandidate> candidates = new ArrayList<>();
        for (KeyAccount account : registered) {
            known.add(account.id());
            candidates.add(PotentialCandidate.of(account.snapshot()));
        }
        List<AccountId> unknown = keysOnly.keyAccounts().stream().map(k -> k.account()).filter(a -> !known.contains(a))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidStateException("the reclassification of network " + network + " found key accounts that are "
                    + "not registered: " + unknown + "; potential key accounts are assessed by industry, so register "
                    + "them first or configure the network without potential criteria");
        }
        return Reclassification.run(network, runDate, window, facts, settings.rule(), settings.nationals(),
                settings.potentials().get(), candidates);
    }

    // ---------------------------------------------------------------- spend

    /**
     * Appends billing's spend facts (originals or corrections), all together or none. For each
     * account concerned the actor needs access to it; facts of customers that are not registered
     * (which still count in their network's total revenue) need the department general manager or
     * the general manager. A fact of a registered account must name the account's network.
     *
     * @param actor who records them
     * @param facts the facts; an empty list does nothing
     * @throws NotAuthorisedException when the actor may not change an account concerned
     * @throws AlreadyExistsException when a fact id is taken
     * @throws InvalidArgumentException when a fact names another network than its registered
     *     account, or a correction does not fit the fact it corrects
     */
    public void recordSpend(Actor actor, List<SpendFact> facts) {
        Require.nonNull(actor, "actor");
        List<SpendFact> given = Require.nonNullElements(facts, "facts");
        keyline.run(ctx -> {
            Map<AccountId, LocalNetworkId> concerned = new LinkedHashMap<>();
            for (SpendFact fact : given) {
                concerned.putIfAbsent(fact.account(), fact.network());
            }
            for (Map.Entry<AccountId, LocalNetworkId> entry : concerned.entrySet()) {
                requireMayRecordSpend(actor, entry.getKey(), entry.getValue());
            }
            spendFacts.appendAll(given);
        });
    }

    /**
     * Appends one of billing's spend facts; see {@link #recordSpend(Actor, List)}.
     *
     * @param actor who records it
     * @param fact the fact
     */
    public void recordSpend(Actor actor, SpendFact fact) {
        recordSpend(actor, List.of(Require.nonNull(fact, "fact")));
    }

    /**
     * Corrects a stored spend fact: appends a new fact for the same account, network and month,
     * recorded now, that replaces the corrected fact's amount. The corrected fact must be the latest
     * of its correction chain. Access as for {@link #recordSpend(Actor, List)}.
     *
     * @param actor who corrects it
     * @param corrected the id of the fact to correct
     * @param correction the id of the correcting fact
     * @param amount the corrected amount, not negative
     * @return the correcting fact
     * @throws NotFoundException when no fact has the id {@code corrected}
     * @throws InvalidStateException when the fact is already corrected
     */
    public SpendFact correctSpend(Actor actor, SpendFactId corrected, SpendFactId correction, Money amount) {
        Require.nonNull(actor, "actor");
        Require.nonNull(corrected, "corrected");
        Require.nonNull(correction, "correction");
        Require.nonNull(amount, "amount");
        Require.nonNegative(amount.amount(), "amount");
        return keyline.execute(ctx -> {
            SpendFact original = spendFacts.find(corrected)
                    .orElseThrow(() -> new NotFoundException("no spend fact with id " + corrected));
            requireMayRecordSpend(actor, original.account(), original.network());
            SpendFact fact = original.correctedBy(correction, amount, ctx.now());
            spendFacts.append(fact);
            return fact;
        });
    }

    private void requireMayRecordSpend(Actor actor, AccountId account, LocalNetworkId network) {
        Optional<KeyAccount> registered = accounts.find(account);
        if (registered.isEmpty()) {
            AccountScopes.requireChangesEveryAccount(actor, "record the spend of the unregistered customer " + account);
            return;
        }
        AccountAccess.requireMayChange(actor, AccountScopes.of(registered.get()), "record spend");
        if (!registered.get().network().equals(network)) {
            throw new InvalidArgumentException("facts", "key account " + account + " belongs to network "
                    + registered.get().network() + ", but a fact names network " + network);
        }
    }

    // ---------------------------------------------------------------- churn

    /**
     * Runs the churn warning rules (客户预警规则) for one account as of today (in the runtime clock's
     * zone), on its stored spend facts and the given observations. When rules fire whose names are
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
        return keyline.execute(ctx -> {
            KeyAccount a = load(account);
            AccountAccess.requireMayChange(actor, AccountScopes.of(a), "evaluate the churn rules");
            LocalDate asOf = today(ctx);
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
        return change(actor, account, "clear the churn warning", (a, ctx) -> a.clearChurnWarning(actor.user(), ctx.now()));
    }

    // ---------------------------------------------------------------- queries

    /**
     * The stored state of an account.
     *
     * @param account the account
     * @return its snapshot, or empty when none is registered with that id
     */
    public Optional<KeyAccountSnapshot> find(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.transactions().execute(() -> accounts.find(account).map(KeyAccount::snapshot));
    }

    /**
     * The stored state of an account.
     *
     * @param account the account
     * @return its snapshot
     * @throws NotFoundException when none is registered with that id
     */
    public KeyAccountSnapshot get(AccountId account) {
        return find(account).orElseThrow(() -> new NotFoundException("no key account with id " + account));
    }

    /**
     * Every registered account of a network, in every status.
     *
     * @param network the local network
     * @return their snapshots, ordered by account id
     */
    public List<KeyAccountSnapshot> accountsOf(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return keyline.transactions().execute(() -> {
            try (Stream<KeyAccount> stream = accounts.byNetwork(network)) {
                return stream.map(KeyAccount::snapshot).toList();
            }
        });
    }

    /**
     * The accounts whose account manager is the given user.
     *
     * @param manager the account manager
     * @return their snapshots, ordered by account id
     */
    public List<KeyAccountSnapshot> accountsManagedBy(UserId manager) {
        Require.nonNull(manager, "manager");
        return keyline.transactions().execute(() -> {
            try (Stream<KeyAccount> stream = accounts.byManager(manager)) {
                return stream.map(KeyAccount::snapshot).toList();
            }
        });
    }

    /**
     * Every stored spend fact of an account, corrections included.
     *
     * @param account the account
     * @return the facts ordered by month, then recording time, then id
     */
    public List<SpendFact> spendOf(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.transactions().execute(() -> spendFacts.byAccount(account));
    }

    /**
     * The result of the network's most recent reclassification run.
     *
     * @param network the local network
     * @return the result, or empty when the network was never classified
     */
    public Optional<ClassificationResult> latestClassification(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return keyline.transactions().execute(() -> results.latest(network));
    }

    /**
     * Every reclassification result of the network.
     *
     * @param network the local network
     * @return the results, oldest first
     */
    public List<ClassificationResult> classificationHistory(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return keyline.transactions().execute(() -> results.history(network));
    }

    /**
     * The first date a regular reclassification of the network is due.
     *
     * @param network the local network, with classification settings
     * @return the last run's date plus the policy's interval, or empty when the network was never
     *     classified (a run is due at once)
     * @throws ConfigurationException when the network has no classification settings
     */
    public Optional<LocalDate> nextReclassificationDue(LocalNetworkId network) {
        ClassificationSettings settings = classificationOf(network).orElseThrow(() -> new ConfigurationException(
                "no classification settings for network " + network + "; configure them with withClassification(...)"));
        return latestClassification(network).map(r -> settings.policy().nextRunAfter(r.runDate()));
    }

    // ---------------------------------------------------------------- plumbing

    private KeyAccountSnapshot change(Actor actor, AccountId account, String attempted,
            BiConsumer<KeyAccount, CommandContext> command) {
        Require.nonNull(actor, "actor");
        Require.nonNull(account, "account");
        return steps.change(accounts, account,
                (a, ctx) -> AccountAccess.requireMayChange(actor, AccountScopes.of(a), attempted),
                command, KeyAccount::snapshot);
    }

    private KeyAccount load(AccountId account) {
        Require.nonNull(account, "account");
        return accounts.get(account);
    }

    private static LocalDate today(CommandContext ctx) {
        return LocalDate.ofInstant(ctx.now(), ctx.clock().getZone());
    }
}
