package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.Classification;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.NetworkAverages;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialCandidate;
import dev.keyline.domain.account.RankedAccount;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFold;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierChange;
import dev.keyline.domain.account.TierChangeCause;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * the network) before anything changes, saves each changed account with the version check and
 * writes its {@code account.tier-changed} event to the outbox in the same transaction. A network of
 * any size is run in bounded transactions: the dated result first, as the run's record, then the
 * tiers {@linkplain #withChunkSize(int) a chunk of accounts} at a time; a run that stopped half-way
 * is resumed by running it again with the same date. "Today" is the date in the host's time zone
 * ({@link Keyline#zone()}). Immutable and thread-safe; the {@code with…} methods return new instances.
 */
public final class Reclassifications {

    /** The accounts a run updates per transaction unless {@link #withChunkSize(int)} says otherwise. */
    public static final int DEFAULT_CHUNK_SIZE = 1_000;

    /** The most accounts a run may update per transaction. */
    public static final int MAX_CHUNK_SIZE = 100_000;

    private final Keyline keyline;
    private final KeyAccountRepository accounts;
    private final SpendFactRepository spendFacts;
    private final ClassificationResultRepository results;
    private final Map<LocalNetworkId, ClassificationSettings> classifications;
    private final int chunkSize;

    private Reclassifications(Keyline keyline, KeyAccountRepository accounts, SpendFactRepository spendFacts,
            ClassificationResultRepository results, Map<LocalNetworkId, ClassificationSettings> classifications,
            int chunkSize) {
        this.keyline = keyline;
        this.accounts = accounts;
        this.spendFacts = spendFacts;
        this.results = results;
        this.classifications = Map.copyOf(classifications);
        this.chunkSize = chunkSize;
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
                storage.port(SpendFactRepository.class), storage.port(ClassificationResultRepository.class), Map.of(),
                DEFAULT_CHUNK_SIZE);
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
        return new Reclassifications(keyline, accounts, spendFacts, results, more, chunkSize);
    }

    /**
     * This service applying a run's tiers to {@code accounts} accounts per transaction (each chunk's
     * accounts and events commit together), so that a network of any size is reclassified in
     * transactions of bounded size.
     *
     * @param accounts the accounts per transaction, 1 to {@value #MAX_CHUNK_SIZE}
     * @return a new service
     * @throws dev.keyline.domain.common.InvalidArgumentException when out of range
     */
    public Reclassifications withChunkSize(int accounts) {
        if (accounts < 1 || accounts > MAX_CHUNK_SIZE) {
            throw new InvalidArgumentException("accounts", "must be 1 to " + MAX_CHUNK_SIZE + " accounts per transaction, was "
                    + accounts);
        }
        return new Reclassifications(keyline, this.accounts, spendFacts, results, classifications, accounts);
    }

    /** {@return the accounts a run updates per transaction} */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * {@return the classification settings of a network, if configured}
     *
     * @param network the network (region) it belongs to
     */
    public Optional<ClassificationSettings> classificationOf(LocalNetworkId network) {
        return Optional.ofNullable(classifications.get(Require.nonNull(network, "network")));
    }

    /**
     * Runs the reclassification (大客户重新认定) of one local network when its policy makes it due,
     * or resumes the run of that date; see {@link #reclassifyForced(Actor, LocalNetworkId, LocalDate)}
     * for what a run does.
     *
     * @param actor who runs it; must be the department general manager or the general manager
     * @param network the local network
     * @param runDate the run date; not after today (in the host's time zone, {@link Keyline#zone()}),
     *     not before the last run
     * @return the plan this call applied: the result, the tier changes it made and the accounts the
     *     run found that are not registered
     * @throws ReclassificationNotDueException when the last run is more recent than the policy's
     *     interval (and is not a run of {@code runDate} to resume); nothing is changed
     */
    public ReclassificationPlan reclassify(Actor actor, LocalNetworkId network, LocalDate runDate) {
        return runReclassification(actor, network, runDate, false);
    }

    /**
     * Runs the reclassification of one local network whether or not it is due:
     * <ol>
     *   <li>checks the actor and the run date, then, in one transaction, folds billing's spend facts
     *       of the network over the policy's assessment window (the interval's whole months before
     *       the run date's month) as they stream from storage, folding each customer's effective
     *       spend into its average ({@link SpendFold}, exactly
     *       {@link dev.keyline.domain.account.SpendAverages}' result) without holding the facts,
     *       draws the key-account list with the network's rule, splits it into level 1 and level 2
     *       by the national list and, when configured, assesses the potential key accounts (as
     *       {@link dev.keyline.domain.account.Reclassification} does); and
     *       stores the dated {@link ClassificationResult}, the run's record;</li>
     *   <li>then walks the network's registered accounts in id order, {@linkplain #withChunkSize(int)
     *       a chunk} of accounts per transaction ({@value #DEFAULT_CHUNK_SIZE} by default), and sets
     *       every not exited account to the tier the result gives it ({@link KeyAccount#classify}),
     *       recording the change in its tier history; a manual override is replaced, as the list
     *       is redrawn as a whole. Each chunk's accounts and their {@code account.tier-changed}
     *       events commit together.</li>
     * </ol>
     * <b>Resuming.</b> When the network's last stored result is of {@code runDate} (a run that
     * stopped half-way, or one that finished), the call applies that stored result instead of
     * drawing a new one: an account whose tier history already records this run, or that already
     * has its tier, is left alone, so no account changes or raises its event twice, and a rerun
     * after a failure ends in the state one uninterrupted run gives. Rerunning a finished run
     * changes nothing.
     *
     * @param actor who runs it; must be the department general manager or the general manager,
     *     since a run may change every account of the network
     * @param network the local network
     * @param runDate the run date; not after today, not before the network's last run
     * @return the plan this call applied: the result, the tier changes this call made (a resumed
     *     run lists only those it still had to make) and the accounts the result lists that are not
     *     registered
     * @throws NotAuthorisedException when the actor may not change every account
     * @throws ConfigurationException when no classification settings are configured for the network
     * @throws InvalidStateException when potential key accounts are assessed and a key account of
     *     the run is not registered (its industry is unknown); nothing is stored
     */
    public ReclassificationPlan reclassifyForced(Actor actor, LocalNetworkId network, LocalDate runDate) {
        return runReclassification(actor, network, runDate, true);
    }

    private ReclassificationPlan runReclassification(Actor actor, LocalNetworkId network, LocalDate runDate, boolean forced) {
        Require.nonNull(actor, "actor");
        Require.nonNull(network, "network");
        Require.nonNull(runDate, "runDate");
        ClassificationResult result = keyline.execute(ctx -> {
            AccountScopes.requireChangesEveryAccount(actor, "run the reclassification of network " + network);
            ClassificationSettings settings = classificationOf(network).orElseThrow(() -> new ConfigurationException(
                    "no classification settings for network " + network + "; configure them with withClassification(...)"));
            LocalDate today = ctx.today();
            if (runDate.isAfter(today)) {
                throw new InvalidArgumentException("runDate", "must not be after today " + today + " (in the host's time "
                        + "zone " + ctx.zone() + "), was " + runDate);
            }
            Optional<ClassificationResult> latest = results.latest(network);
            Optional<LocalDate> lastRun = latest.map(ClassificationResult::runDate);
            if (lastRun.isPresent() && runDate.isBefore(lastRun.get())) {
                throw new InvalidArgumentException("runDate", "must not be before the network's last run on "
                        + lastRun.get() + ", was " + runDate);
            }
            if (lastRun.isPresent() && runDate.equals(lastRun.get())) {
                return latest.get(); // the run of this date is stored: resume applying it
            }
            if (!forced && !settings.policy().isDue(lastRun, runDate)) {
                throw new ReclassificationNotDueException(network, runDate, lastRun.orElseThrow(),
                        settings.policy().nextRunAfter(lastRun.orElseThrow()));
            }
            ClassificationResult drawn = classify(network, runDate, settings);
            results.store(drawn);
            return drawn;
        });
        return apply(actor, result);
    }

    /** Applies a stored result to the network's accounts, one chunk of accounts per transaction. */
    private ReclassificationPlan apply(Actor actor, ClassificationResult result) {
        LocalNetworkId network = result.network();
        Map<AccountId, Tier> tiers = ReclassificationPlan.listedTiers(result);
        TierChangeCause thisRun = new TierChangeCause.ClassificationRun(result.rule(), result.runDate());
        Set<AccountId> registered = new HashSet<>();
        List<TierUpdate> applied = new ArrayList<>();
        Optional<AccountId> after = Optional.empty();
        while (true) {
            Optional<AccountId> from = after;
            List<AccountId> chunk = keyline.execute(ctx -> {
                List<KeyAccount> page;
                try (Stream<KeyAccount> stream = from.isEmpty() ? accounts.byNetwork(network)
                        : accounts.byNetworkAfter(network, from.get())) {
                    page = stream.limit(chunkSize).toList();
                }
                for (KeyAccount account : page) {
                    if (account.status() == AccountStatus.EXITED || appliedBefore(account, thisRun)) {
                        continue;
                    }
                    Tier before = account.tier();
                    Tier target = tiers.getOrDefault(account.id(), Tier.NONE);
                    if (account.classify(target, result.rule(), result.runDate(), actor.user(), ctx.now())) {
                        ctx.save(accounts, account);
                        applied.add(new TierUpdate(account.id(), before, target));
                    }
                }
                return page.stream().map(KeyAccount::id).toList();
            });
            registered.addAll(chunk);
            if (chunk.size() < chunkSize) {
                break;
            }
            after = Optional.of(chunk.get(chunk.size() - 1));
        }
        applied.sort(Comparator.comparing(u -> u.account().value()));
        List<AccountId> unregistered = new ArrayList<>();
        result.keyAccounts().forEach(k -> addUnless(registered, k.account(), unregistered));
        result.potentials().forEach(p -> addUnless(registered, p.account(), unregistered));
        unregistered.sort(Comparator.comparing(AccountId::value));
        return new ReclassificationPlan(result, applied, unregistered);
    }

    private static boolean appliedBefore(KeyAccount account, TierChangeCause thisRun) {
        for (TierChange change : account.tierHistory()) {
            if (change.cause().equals(thisRun)) {
                return true;
            }
        }
        return false;
    }

    private static void addUnless(Set<AccountId> registered, AccountId account, List<AccountId> into) {
        if (!registered.contains(account)) {
            into.add(account);
        }
    }

    /**
     * Draws the result from the spend facts as they stream from storage, without holding them:
     * each customer's months are folded ({@link SpendFold}) as the facts pass, so memory grows with
     * the customers, never with the facts.
     */
    private ClassificationResult classify(LocalNetworkId network, LocalDate runDate, ClassificationSettings settings) {
        AssessmentWindow window = settings.policy().window(runDate);
        NetworkAverages averages;
        try (Stream<SpendFact> stream = spendFacts.byNetworkAndMonths(network, window.first(), window.last())) {
            averages = SpendFold.averages(stream, window.months()).get(network);
        }
        Classification classification = averages == null ? settings.rule().classify(network, Map.of())
                : settings.rule().classify(averages);
        if (settings.potentials().isEmpty()) {
            return ClassificationResult.of(runDate, window, classification, settings.nationals(), List.of());
        }
        Set<AccountId> known = new HashSet<>();
        List<PotentialCandidate> candidates = new ArrayList<>();
        try (Stream<KeyAccount> stream = accounts.byNetwork(network)) {
            stream.forEach(account -> {
                known.add(account.id());
                candidates.add(PotentialCandidate.of(account.snapshot()));
            });
        }
        List<AccountId> unknown = classification.keyAccounts().stream().map(RankedAccount::account)
                .filter(a -> !known.contains(a)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidStateException("the reclassification of network " + network + " found key accounts that are "
                    + "not registered: " + unknown + "; potential key accounts are assessed by industry, so register "
                    + "them first or configure the network without potential criteria");
        }
        return ClassificationResult.of(runDate, window, classification, settings.nationals(),
                settings.potentials().get().assess(classification, candidates));
    }

    /**
     * The result of the network's most recent reclassification run.
     *
     * @param network the local network
     * @return the result, or empty when the network was never classified
     */
    public Optional<ClassificationResult> latestClassification(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return keyline.transactions().read(() -> results.latest(network));
    }

    /**
     * Every reclassification result of the network.
     *
     * @param network the local network
     * @return the results, oldest first
     */
    public List<ClassificationResult> classificationHistory(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return keyline.transactions().read(() -> results.history(network));
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
}
