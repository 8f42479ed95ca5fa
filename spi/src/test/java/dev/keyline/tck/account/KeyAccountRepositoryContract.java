package dev.keyline.tck.account;

import static dev.keyline.tck.account.AccountAreaSamples.CLERK;
import static dev.keyline.tck.account.AccountAreaSamples.SUZHOU;
import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static dev.keyline.tck.account.AccountAreaSamples.prospect;
import static dev.keyline.tck.account.AccountAreaSamples.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountGenerators;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The compatibility kit of {@link KeyAccountRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on real key accounts, plus the queries, full round trips of
 * accounts in every reachable state (QuickTheories properties over the domain's generators) and
 * consistent reads while the account changes. A provider runs it by extending
 * {@link AccountAreaContract}, or this class directly with {@link #newStorage()}.
 */
public abstract class KeyAccountRepositoryContract
        extends AggregateRepositoryContract<KeyAccount, AccountId, KeyAccountSnapshot> {

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    /** The repository under test, with its queries. */
    protected KeyAccountRepository accounts() {
        return storage.port(KeyAccountRepository.class);
    }

    @Override
    protected AggregateRepository<KeyAccount, AccountId> repository(StorageProvider storage) {
        return storage.port(KeyAccountRepository.class);
    }

    @Override
    protected AccountId newId() {
        return samples.accountId();
    }

    @Override
    protected KeyAccount newAggregate(AccountId id) {
        return prospect(id, SUZHOU, Industry.FINANCE);
    }

    @Override
    protected void change(KeyAccount account) {
        UserId next = account.accountManager().map(m -> m.value().equals("am-1") ? "am-2" : "am-1")
                .map(UserId::new).orElse(new UserId("am-1"));
        account.assignManager(next, CLERK, account.lastChangedAt().plusSeconds(60));
    }

    @Override
    protected KeyAccountSnapshot snapshot(KeyAccount account) {
        return account.snapshot();
    }

    @Override
    protected KeyAccount restore(KeyAccountSnapshot snapshot) {
        return KeyAccount.restore(snapshot);
    }

    @Override
    protected KeyAccountSnapshot corrupt(KeyAccountSnapshot s) {
        return new KeyAccountSnapshot(s.id(), s.version(), s.name(), s.network(), s.industry(), s.profile(),
                s.potential(), AccountStatus.ACTIVE, s.tier(), Optional.empty(), s.team(), s.churnSignals(),
                s.churnWarningSince(), s.exitReason(), s.exitedAt(), s.registeredBy(), s.registeredAt(),
                s.lastChangedAt(), s.tierHistory());
    }

    /** The ids a query yields, in order; runs in a transaction of its own and closes the stream. */
    protected List<String> ids(Supplier<Stream<KeyAccount>> query) {
        return inTransaction(() -> {
            try (Stream<KeyAccount> found = query.get()) {
                return found.map(a -> a.id().value()).toList();
            }
        });
    }

    /** An account activated under {@code manager} at {@link AccountAreaSamples#T0} plus a minute. */
    protected static KeyAccount active(AccountId id, LocalNetworkId network, Industry industry, UserId manager) {
        KeyAccount account = prospect(id, network, industry);
        account.assignManager(manager, CLERK, T0.plusSeconds(30));
        account.activate(CLERK, T0.plusSeconds(60));
        return account;
    }

    /** The queries, on hand-made accounts and against a model of every saved account. */
    @Nested
    class Queries {

        @Test
        void eachQueryYieldsExactlyTheMatchingAccountsInIdOrder() {
            LocalNetworkId north = samples.networkId();
            LocalNetworkId south = samples.networkId();
            UserId alice = samples.userId();
            UserId bob = samples.userId();
            List<AccountId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(newId());
            }
            KeyAccount a = active(ids.get(0), north, Industry.FINANCE, alice);
            a.classify(Tier.LOCAL, "share", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(120));
            KeyAccount b = active(ids.get(1), north, Industry.TOURISM, bob);
            b.classify(Tier.NATIONAL, "share", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(120));
            KeyAccount c = prospect(ids.get(2), south, Industry.FINANCE);
            c.assignManager(alice, CLERK, T0.plusSeconds(30));
            c.classify(Tier.POTENTIAL, "share", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(120));
            KeyAccount d = prospect(ids.get(3), north, Industry.FINANCE);
            KeyAccount e = active(ids.get(4), south, Industry.INFORMATION, bob);
            e.classify(Tier.LOCAL, "minimum", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(120));
            e.exit("moved to a competitor", CLERK, T0.plusSeconds(180));
            storage.transactions().run(() -> List.of(e, c, a, d, b).forEach(repository::save));

            assertThat(ids(() -> accounts().byNetwork(north))).containsExactly(value(a), value(b), value(d));
            assertThat(ids(() -> accounts().byNetwork(south))).containsExactly(value(c), value(e));
            assertThat(ids(() -> accounts().byNetworkAndTier(north, Tier.LOCAL))).containsExactly(value(a));
            assertThat(ids(() -> accounts().byNetworkAndTier(north, Tier.NONE))).containsExactly(value(d));
            assertThat(ids(() -> accounts().byNetworkAndTier(south, Tier.NATIONAL))).isEmpty();
            assertThat(ids(() -> accounts().byIndustry(Industry.FINANCE))).containsExactly(value(a), value(c), value(d));
            assertThat(ids(() -> accounts().byIndustry(Industry.OTHER))).isEmpty();
            assertThat(ids(() -> accounts().byTier(Tier.LOCAL))).containsExactly(value(a), value(e));
            assertThat(ids(() -> accounts().byTier(Tier.POTENTIAL))).containsExactly(value(c));
            assertThat(ids(() -> accounts().byStatus(AccountStatus.PROSPECT))).containsExactly(value(c), value(d));
            assertThat(ids(() -> accounts().byStatus(AccountStatus.EXITED))).containsExactly(value(e));
            assertThat(ids(() -> accounts().byManager(alice))).containsExactly(value(a), value(c));
            assertThat(ids(() -> accounts().byManager(bob))).containsExactly(value(b), value(e));
            assertThat(ids(() -> accounts().byManager(samples.userId()))).isEmpty();
        }

        @Test
        void queriesYieldTheLatestSavedStateAndTheTransactionsOwnSaves() {
            LocalNetworkId network = samples.networkId();
            KeyAccount account = active(newId(), network, Industry.TOURISM, new UserId("am-1"));
            saveInTransaction(account);

            List<Tier> seen = inTransaction(() -> {
                KeyAccount loaded = repository.get(account.id());
                loaded.classify(Tier.NATIONAL, "share", LocalDate.of(2024, 7, 1), CLERK, T0.plusSeconds(600));
                repository.save(loaded);
                KeyAccount added = prospect(newId(), network, Industry.TOURISM);
                repository.save(added);
                try (Stream<KeyAccount> found = accounts().byNetworkAndTier(network, Tier.NATIONAL)) {
                    assertThat(found.map(a -> a.snapshot()).toList()).containsExactly(loaded.snapshot());
                }
                try (Stream<KeyAccount> found = accounts().byNetwork(network)) {
                    return found.map(KeyAccount::tier).toList();
                }
            });

            assertThat(seen).containsExactly(Tier.NATIONAL, Tier.NONE);
            assertThat(ids(() -> accounts().byTier(Tier.NATIONAL))).containsExactly(account.id().value());
        }

        @Test
        void aLargeResultIsCompleteAndAStreamClosedEarlyLeavesTheTransactionUsable() {
            LocalNetworkId network = samples.networkId();
            List<String> saved = new ArrayList<>();
            storage.transactions().run(() -> {
                for (int i = 0; i < 260; i++) {
                    KeyAccount account = prospect(newId(), network, Industry.COMMERCE_TRADE);
                    repository.save(account);
                    saved.add(account.id().value());
                }
            });

            List<String> firstThree = inTransaction(() -> {
                List<String> first;
                try (Stream<KeyAccount> found = accounts().byNetwork(network)) {
                    first = found.limit(3).map(a -> a.id().value()).toList();
                }
                try (Stream<KeyAccount> again = accounts().byIndustry(Industry.COMMERCE_TRADE)) {
                    assertThat(again.count()).isEqualTo(260);
                }
                return first;
            });

            assertThat(firstThree).containsExactlyElementsOf(saved.subList(0, 3));
            assertThat(ids(() -> accounts().byNetwork(network))).containsExactlyElementsOf(saved);
        }

        @Test
        void pagesAfterAnIdWalkTheNetworkInIdOrderWithoutGapsOrRepeats() {
            LocalNetworkId network = samples.networkId();
            LocalNetworkId other = samples.networkId();
            storage.transactions().run(() -> {
                for (int i = 0; i < 130; i++) {
                    repository.save(prospect(newId(), i % 5 == 0 ? other : network, Industry.FINANCE));
                }
            });
            List<String> all = ids(() -> accounts().byNetwork(network));
            assertThat(all).hasSize(104);

            List<String> walked = new ArrayList<>();
            List<String> page = inTransaction(() -> {
                try (Stream<KeyAccount> found = accounts().byNetwork(network)) {
                    return found.limit(25).map(a -> a.id().value()).toList();
                }
            });
            while (!page.isEmpty()) {
                walked.addAll(page);
                AccountId last = new AccountId(page.get(page.size() - 1));
                page = inTransaction(() -> {
                    try (Stream<KeyAccount> found = accounts().byNetworkAfter(network, last)) {
                        return found.limit(25).map(a -> a.id().value()).toList();
                    }
                });
            }

            assertThat(walked).containsExactlyElementsOf(all);
            assertThat(ids(() -> accounts().byNetworkAfter(network, new AccountId(all.get(all.size() - 1))))).isEmpty();
            assertThat(ids(() -> accounts().byNetworkAfter(network, new AccountId(all.get(9)))))
                    .containsExactlyElementsOf(all.subList(10, all.size()));
            storage.transactions().run(() -> assertThatThrownBy(() -> accounts().byNetworkAfter(network, null))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("after"));
        }

        @Test
        void queriesNeedATransactionAndNameAMissingArgument() {
            assertThatThrownBy(() -> accounts().byNetwork(SUZHOU)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> accounts().byManager(CLERK)).isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> accounts().byNetwork(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("network");
                assertThatThrownBy(() -> accounts().byNetworkAndTier(SUZHOU, null))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("tier");
                assertThatThrownBy(() -> accounts().byIndustry(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("industry");
                assertThatThrownBy(() -> accounts().byTier(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("tier");
                assertThatThrownBy(() -> accounts().byStatus(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("status");
                assertThatThrownBy(() -> accounts().byManager(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("manager");
            });
        }

        @Test
        void queriesAgreeWithAFilterOfEverySavedAccount() {
            Map<String, KeyAccountSnapshot> model = new LinkedHashMap<>();
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(lists().of(AccountGenerators.keyAccounts()).ofSizeBetween(1, 5), probes())
                    .checkAssert((generated, probe) -> {
                        List<KeyAccount> batch = generated.stream().map(a -> renamed(a, newId())).toList();
                        storage.transactions().run(() -> batch.forEach(repository::save));
                        batch.forEach(a -> model.put(a.id().value(), a.snapshot()));

                        assertThat(ids(() -> accounts().byNetwork(probe.network())))
                                .isEqualTo(expected(model, s -> s.network().equals(probe.network())));
                        assertThat(ids(() -> accounts().byNetworkAndTier(probe.network(), probe.tier())))
                                .isEqualTo(expected(model, s -> s.network().equals(probe.network()) && s.tier() == probe.tier()));
                        assertThat(ids(() -> accounts().byIndustry(probe.industry())))
                                .isEqualTo(expected(model, s -> s.industry() == probe.industry()));
                        assertThat(ids(() -> accounts().byTier(probe.tier())))
                                .isEqualTo(expected(model, s -> s.tier() == probe.tier()));
                        assertThat(ids(() -> accounts().byStatus(probe.status())))
                                .isEqualTo(expected(model, s -> s.status() == probe.status()));
                        assertThat(ids(() -> accounts().byManager(probe.manager())))
                                .isEqualTo(expected(model, s -> s.accountManager().equals(Optional.of(probe.manager()))));
                    });
        }
    }

    /** Every field, the owned collections and the version survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void anAccountWithEveryPartSetSurvivesSaveAndLoad() {
            AccountId id = newId();
            AccountProfile profile = new AccountProfile(12, Money.cny("123456789.10"), new BigDecimal("-0.10"),
                    Money.cny("5000000.00"), new BigDecimal("0.375"), true, false, 7, 123_456_789_012L);
            PotentialFlags flags = new PotentialFlags(true, Optional.of(InfluencerKind.PROPERTY_DEVELOPER),
                    Optional.of("新工业园区的开发商"));
            KeyAccount account = KeyAccount.register(id, "苏州钢铁集团 Suzhou Steel", SUZHOU, Industry.KEY_CUSTOMERS,
                    profile, flags, CLERK, T0);
            account.assignManager(new UserId("am-1"), CLERK, T0.plusSeconds(10));
            account.assignTeam(new AccountTeam(new UserId("im-1"), new UserId("tm-1"), new UserId("bm-1")), CLERK,
                    T0.plusSeconds(20));
            account.activate(CLERK, T0.plusSeconds(30));
            account.classify(Tier.LOCAL, "share", LocalDate.of(2024, 1, 1), CLERK, T0.plusSeconds(40));
            account.overrideTier(Tier.NATIONAL, "on the group's national list", CLERK, new UserId("dgm"),
                    T0.plusSeconds(50));
            account.raiseChurnWarning(List.of(
                    new ChurnSignal("falling-spend", ChurnSignalKind.FALLING_SPEND, LocalDate.of(2024, 3, 1),
                            "spend fell three months running: 9,000 → 7,500 → 6,000"),
                    new ChurnSignal("complaints", ChurnSignalKind.COMPLAINTS, LocalDate.of(2024, 3, 2), "4 complaints")),
                    T0.plusSeconds(60));
            saveInTransaction(account);

            KeyAccount loaded = load(id);
            assertThat(loaded.snapshot()).isEqualTo(account.snapshot());
            assertThat(loaded.version()).isEqualTo(1);
            assertThat(loaded.tierHistory()).hasSize(2);

            loaded.exit("moved to a competitor", CLERK, T0.plusSeconds(70));
            saveInTransaction(loaded);
            KeyAccount exited = load(id);
            assertThat(exited.snapshot()).isEqualTo(loaded.snapshot());
            assertThat(exited.churnSignals()).isEmpty();
            assertThat(exited.version()).isEqualTo(2);
        }

        @Test
        void everyReachableAccountSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(AccountGenerators.keyAccounts(), AccountGenerators.keyAccountCommandSequences())
                    .checkAssert((generated, moreCommands) -> {
                        KeyAccount account = renamed(generated, newId());
                        saveInTransaction(account);
                        KeyAccount loaded = load(account.id());
                        assertThat(loaded.snapshot()).isEqualTo(account.snapshot());
                        assertThat(loaded.version()).isEqualTo(1);

                        AccountGenerators.applyAll(loaded, moreCommands);
                        saveInTransaction(loaded);
                        KeyAccount reloaded = load(account.id());
                        assertThat(reloaded.snapshot()).isEqualTo(loaded.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }
    }

    /** Reads see whole committed states, never part of a save, while another thread keeps saving. */
    @Nested
    class ConsistentReads {

        @Test
        void readersSeeOnlyCommittedStatesWhileAWriterKeepsChangingTheAccount() throws Exception {
            LocalNetworkId network = samples.networkId();
            KeyAccount account = active(newId(), network, Industry.FINANCE, new UserId("am-1"));
            saveInTransaction(account);
            Map<Long, KeyAccountSnapshot> committed = new ConcurrentHashMap<>();
            committed.put(1L, account.snapshot());
            List<KeyAccountSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> writer = threads.submit(() -> {
                    try {
                        for (int i = 0; i < 40; i++) {
                            String reason = "review " + i;
                            KeyAccountSnapshot saved = inTransaction(() -> {
                                KeyAccount mine = repository.get(account.id());
                                Tier next = mine.tier() == Tier.LOCAL ? Tier.NATIONAL : Tier.LOCAL;
                                mine.overrideTier(next, reason, CLERK, new UserId("dgm"), mine.lastChangedAt().plusSeconds(1));
                                repository.save(mine);
                                return mine.snapshot();
                            });
                            committed.put(saved.version(), saved);
                        }
                    } finally {
                        writing.set(false);
                    }
                });
                Future<?> reader = threads.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads < 5) {
                        seen.add(inTransaction(() -> repository.get(account.id()).snapshot()));
                        seen.addAll(inTransaction(() -> {
                            try (Stream<KeyAccount> found = accounts().byNetwork(network)) {
                                return found.map(KeyAccount::snapshot).toList();
                            }
                        }));
                        reads++;
                    }
                });
                writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
                reader.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }

            assertThat(committed).hasSize(41);
            assertThat(seen).isNotEmpty();
            for (KeyAccountSnapshot read : seen) {
                assertThat(read).as("read at version %d", read.version()).isEqualTo(committed.get(read.version()));
            }
        }
    }

    /** How long a test waits for another thread; reached only when something hangs. */
    private static final long WAIT_SECONDS = 60;

    /**
     * What the property queries with.
     *
     * @param network a network
     * @param industry an industry
     * @param tier a tier
     * @param status a status
     * @param manager an account manager
     */
    private record Probe(LocalNetworkId network, Industry industry, Tier tier, AccountStatus status, UserId manager) {
    }

    private static Gen<Probe> probes() {
        return in -> new Probe(AccountGenerators.networks().generate(in), AccountGenerators.industries().generate(in),
                AccountGenerators.tiers().generate(in), Generate.enumValues(AccountStatus.class).generate(in),
                AccountGenerators.users().generate(in));
    }

    private static List<String> expected(Map<String, KeyAccountSnapshot> model, Predicate<KeyAccountSnapshot> filter) {
        return model.values().stream().filter(filter).map(s -> s.id().value()).sorted(Comparator.naturalOrder()).toList();
    }

    private static String value(KeyAccount account) {
        return account.id().value();
    }
}
