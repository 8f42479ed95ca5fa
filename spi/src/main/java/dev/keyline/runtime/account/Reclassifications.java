package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialCandidate;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The periodic reclassification (大客户重新认定) of key accounts run through the runtime: each local
 * network draws its key-account list from billing's spend facts under its
 * {@link ClassificationSettings}, stores the dated result and sets every registered account's tier.
 *
 * <p>Configure each local network with {@link #withClassification(LocalNetworkId, ClassificationSettings)}.
 * A run follows the steps of every service command ({@link KeyAccounts}): it checks the actor
 * (the department general manager or the general manager, since it may change every account of
 * the network) before anything changes, runs in one transaction, saves each changed account with
 * the version check and writes its {@code account.tier-changed} event to the outbox. Immutable and
 * thread-safe; the {@code with…} methods return new instances.
 */
public final class Reclassifications {

    private final Keyline keyline;
    private final KeyAccountRepository accounts;
    private final SpendFactRepository spendFacts;
    private final ClassificationResultRepository results;
    private final Map<LocalNetworkId, ClassificationSettings> classifications;

    private Reclassifications(Keyline keyline, KeyAccountRepository accounts, SpendFactRepository spendFacts,
            ClassificationResultRepository results, Map<LocalNetworkId, ClassificationSettings> classifications) {
        this.keyline = keyline;
        this.accounts = accounts;
        this.spendFacts = spendFacts;
        this.results = results;
        this.classifications = Map.copyOf(classifications);
    }

    /**
     * The reclassification service on a runtime, with no network configured yet.
     *
     * @param keyline the runtime; its storage provider must store the key-account area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the key-account area
     */
    public static Reclassifications on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        StorageProvider storage = keyline.storage();
        return new Reclassifications(keyline, storage.port(KeyAccountRepository.class),
                storage.port(SpendFactRepository.class), storage.port(ClassificationResultRepository.class), Map.of());
    }

    /**
     * This service with the classification settings of one local network (replacing any it had).
     *
     * @param network the local network
     * @param settings how the network draws its key-account list
     * @return a new service
     */
    public Reclassifications withClassification(LocalNetworkId network, ClassificationSettings settings) {
        Require.nonNull(network, "network");
        Require.nonNull(settings, "settings");
        Map<LocalNetworkId, ClassificationSettings> more = new HashMap<>(classifications);
        more.put(network, settings);
        return new Reclassifications(keyline, accounts, spendFacts, results, more);
    }

    /** The classification settings of a network, if configured. */
    public Optional<ClassificationSettings> classificationOf(LocalNetworkId network) {
        return Optional.ofNullable(classifications.get(Require.nonNull(network, "network")));
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

    private static LocalDate today(CommandContext ctx) {
        return LocalDate.ofInstant(ctx.now(), ctx.clock().getZone());
    }
}
