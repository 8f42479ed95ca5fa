package dev.keyline.tck.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountTierChanged;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierChange;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.json.KeylineJson;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.ClassificationSettings;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.tck.TestClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A reclassification of a network of a few thousand accounts on a storage provider: the result is
 * stored in its own transaction and the tiers follow a chunk of accounts per transaction; a run
 * that dies in any transaction and is then run again with the same date leaves exactly the state
 * of one uninterrupted run on another fresh storage: the same result, the same tiers and tier
 * histories, and each account's {@code account.tier-changed} event exactly once.
 *
 * <p>A provider proves it in a few lines:
 *
 * <pre>{@code
 * class MyProviderReclassificationChunksTest extends ReclassificationChunksContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 * Each storage is handed to {@link #discard(StorageProvider)} before the next is asked for, so a
 * provider may reuse one database.
 */
public abstract class ReclassificationChunksContract {

    /** The registered accounts of the network. */
    protected static final int ACCOUNTS = 2_400;
    /** The accounts per transaction. */
    protected static final int CHUNK = 200;
    /** The result's transaction, the full chunks and the final, empty one. */
    protected static final int TRANSACTIONS = 1 + ACCOUNTS / CHUNK + 1;

    private static final LocalNetworkId NETWORK = SeedMinimums.SUZHOU;
    private static final LocalNetworkId OTHER = SeedMinimums.KUNMING;
    private static final Actor ZHOU = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
    private static final UserId CLERK = new UserId("billing");
    private static final ReclassificationPolicy POLICY = ReclassificationPolicy.halfYearly();

    /** A fresh, empty storage. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @Test
    void aCleanRunStoresTheResultThenAppliesTheTiersInChunks() {
        Outcome clean = run(List.of());

        assertThat(clean.transactions).as("one for the result, one per chunk").isEqualTo(TRANSACTIONS);
        assertThat(clean.plans).singleElement().satisfies(plan -> {
            assertThat(plan.unregistered()).containsExactly(new AccountId("U0001"));
            assertThat(plan.updates()).hasSize(clean.events.size());
            assertThat(plan.updates()).extracting(TierUpdate::to).contains(Tier.LOCAL, Tier.NATIONAL)
                    .doesNotContain(Tier.NONE);
        });
        assertThat(clean.events).as("about half the network reaches the minimum").hasSizeBetween(ACCOUNTS / 3, ACCOUNTS * 2 / 3);
        assertThat(clean.accounts.get("R00097").tier()).as("an exited account is left alone").isEqualTo(Tier.NONE);
        assertThat(clean.accounts.get("K00001").tier()).as("another network is left alone").isEqualTo(Tier.NONE);
        assertThat(clean.accounts.get("R00055").tier()).isEqualTo(Tier.NATIONAL);
        assertThat(clean.events.values()).as("each account's event once").allSatisfy(changes -> assertThat(changes).hasSize(1));
    }

    @Test
    void aRunThatDiesInAnyTransactionAndIsRunAgainEndsAsOneCleanRun() {
        Outcome clean = run(List.of());
        for (List<Integer> crashes : List.of(List.of(1), List.of(7), List.of(5, 4), List.of(TRANSACTIONS))) {
            Outcome resumed = run(crashes);

            assertThat(resumed.results).as("result after crashes " + crashes).isEqualTo(clean.results);
            assertThat(resumed.accounts).as("accounts after crashes " + crashes).isEqualTo(clean.accounts);
            assertThat(resumed.events).as("tier-changed events after crashes " + crashes).isEqualTo(clean.events);
            ReclassificationPlan last = resumed.plans.get(resumed.plans.size() - 1);
            assertThat(last.result()).isEqualTo(clean.plans.get(0).result());
            assertThat(last.unregistered()).isEqualTo(clean.plans.get(0).unregistered());
            assertThat(clean.plans.get(0).updates()).containsAll(last.updates());
        }
    }

    @Test
    void aCrashHalfWayLeavesTheResultAndTheCommittedChunksAndTheRerunDoesTheRest() {
        StorageProvider storage = newStorage();
        try {
            CrashingStorage crashing = new CrashingStorage(storage);
            Reclassifications service = populate(crashing);
            crashing.crashOnTransaction(7);

            assertThatThrownBy(() -> service.reclassify(ZHOU, NETWORK, runDate()))
                    .isInstanceOf(CrashingStorage.SimulatedCrash.class);
            Outcome halfWay = read(storage, List.of(), 0);
            assertThat(halfWay.results.get(NETWORK.value())).as("the result is stored first").hasSize(1);
            int before = halfWay.events.size();
            assertThat(before).as("chunks 1 to 5 committed, chunk 6 rolled back").isPositive();
            long changed = halfWay.accounts.values().stream().filter(a -> !a.tierHistory().isEmpty()).count();
            assertThat(changed).isEqualTo(before);
            assertThat(halfWay.accounts.values().stream().filter(a -> a.id().value().startsWith("R"))
                    .filter(a -> a.id().value().compareTo(String.format("R%05d", 5 * CHUNK)) > 0)
                    .filter(a -> !a.tierHistory().isEmpty())).as("nothing after the committed chunks").isEmpty();

            ReclassificationPlan rest = service.reclassify(ZHOU, NETWORK, runDate());

            Outcome done = read(storage, List.of(rest), 0);
            assertThat(rest.updates()).hasSize(done.events.size() - before);
            assertThat(rest.updates()).extracting(u -> u.account().value()).allMatch(id -> id.compareTo(
                    String.format("R%05d", 5 * CHUNK)) > 0);
            assertThat(service.reclassify(ZHOU, NETWORK, runDate()).updates()).as("a finished run is done").isEmpty();
            assertThat(read(storage, List.of(), 0).events).isEqualTo(done.events);
        } finally {
            discard(storage);
        }
    }

    /** Populates a fresh storage, runs the reclassification crashing as told, reruns it, reads the state. */
    private Outcome run(List<Integer> crashes) {
        StorageProvider storage = newStorage();
        try {
            CrashingStorage crashing = new CrashingStorage(storage);
            Reclassifications service = populate(crashing);
            List<ReclassificationPlan> plans = new ArrayList<>();
            for (int crash : crashes) {
                crashing.crashOnTransaction(crash);
                assertThatThrownBy(() -> service.reclassify(ZHOU, NETWORK, runDate()))
                        .isInstanceOf(CrashingStorage.SimulatedCrash.class);
            }
            crashing.countFromNow();
            plans.add(service.reclassify(ZHOU, NETWORK, runDate()));
            return read(storage, plans, crashing.transactionsStarted());
        } finally {
            discard(storage);
        }
    }

    private static LocalDate runDate() {
        return LocalDate.of(2026, 3, 2);
    }

    /**
     * Registers the network's accounts (every 97th exited, every 50th from the 5th on the national list) and one
     * of another network, and records six months of spend: account i spends 500 + 1,000 × (i mod 10)
     * a month, so about half reach Suzhou's minimum of 5,000; a customer billing knows is not registered.
     */
    private static Reclassifications populate(CrashingStorage storage) {
        TestClock clock = TestClock.standard();
        Keyline keyline = Keyline.builder().storage(storage).clock(clock).build();
        KeyAccountRepository accounts = storage.port(KeyAccountRepository.class);
        List<SpendFact> facts = new ArrayList<>();
        Set<AccountId> nationals = new HashSet<>();
        List<YearMonth> months = POLICY.window(runDate()).months().stream().sorted().toList();
        storage.transactions().run(() -> {
            for (int i = 1; i <= ACCOUNTS; i++) {
                AccountId id = new AccountId(String.format("R%05d", i));
                KeyAccount account = KeyAccount.register(id, "Customer " + i, NETWORK, Industry.values()[i % Industry.values().length],
                        CLERK, clock.instant());
                if (i % 97 == 0) {
                    account.exit("moved to a competitor", CLERK, clock.instant());
                }
                accounts.save(account);
                if (i % 50 == 5) {
                    nationals.add(id);
                }
                facts.addAll(monthly(id, NETWORK, 500 + 1_000 * (i % 10), months));
            }
            accounts.save(KeyAccount.register(new AccountId("K00001"), "Kunming customer", OTHER, Industry.OTHER, CLERK,
                    clock.instant()));
            facts.addAll(monthly(new AccountId("K00001"), OTHER, 9_000, months));
            facts.addAll(monthly(new AccountId("U0001"), NETWORK, 7_000, months));
        });
        storage.transactions().run(() -> storage.port(SpendFactRepository.class).appendAll(facts));
        return Reclassifications.on(keyline).withChunkSize(CHUNK).withClassification(NETWORK,
                ClassificationSettings.of(SeedMinimums.suzhou(), POLICY).withNationals(new NationalList(nationals)));
    }

    private static List<SpendFact> monthly(AccountId account, LocalNetworkId network, int yuan, List<YearMonth> months) {
        List<SpendFact> facts = new ArrayList<>();
        for (YearMonth m : months) {
            facts.add(SpendFact.original(new SpendFactId("F-" + account.value() + "-" + m), account, network, m,
                    Money.cny(yuan + ".00"), KeyAccountServiceFixture.billedAt(m)));
        }
        return facts;
    }

    private static Outcome read(StorageProvider storage, List<ReclassificationPlan> plans, int transactions) {
        AreaState state = AreaState.of(storage, List.of(NETWORK, OTHER), List.of());
        KeylineJson json = KeylineJson.create();
        Map<String, List<TierChange>> events = new TreeMap<>();
        for (OutboxEntry entry : state.outboxEntries()) {
            if (entry.message().type().equals(AccountTierChanged.TYPE)) {
                AccountTierChanged event = (AccountTierChanged) json.readEvent(entry.message().type(), entry.message().payload());
                events.computeIfAbsent(entry.message().aggregateId(), k -> new ArrayList<>()).add(event.change());
            }
        }
        return new Outcome(state.results(), state.accounts(), events, plans, transactions);
    }

    /** What a run left in storage. */
    private record Outcome(Map<String, List<ClassificationResult>> results, Map<String, KeyAccountSnapshot> accounts,
            Map<String, List<TierChange>> events, List<ReclassificationPlan> plans, int transactions) {
    }
}
