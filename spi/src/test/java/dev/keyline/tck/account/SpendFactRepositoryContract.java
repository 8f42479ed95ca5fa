package dev.keyline.tck.account;

import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.account.AccountGenerators;
import dev.keyline.domain.account.AccountGenerators.Ledger;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.EffectiveSpend;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link SpendFactRepository}: an append-only ledger that rejects
 * duplicates and inconsistent corrections as a whole, stores corrections as new facts, and answers
 * month ranges with inclusive bounds. A provider runs it by extending {@link AccountAreaContract},
 * or this class directly with {@link #newStorage()}.
 */
public abstract class SpendFactRepositoryContract extends StorageBackedContract {

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** The repository under test. */
    protected SpendFactRepository facts() {
        return storage.port(SpendFactRepository.class);
    }

    /** Appends in a transaction of its own. */
    protected void appendInTransaction(List<SpendFact> facts) {
        storage.transactions().run(() -> facts().appendAll(facts));
    }

    /** An original fact of {@code cents} recorded {@code minutes} after {@link AccountAreaSamples#T0}. */
    protected SpendFact fact(AccountId account, LocalNetworkId network, YearMonth month, long cents, long minutes) {
        return SpendFact.original(new SpendFactId(samples.nextId("F")), account, network, month,
                Money.ofCents(cents, Money.CNY), T0.plusSeconds(60 * minutes));
    }

    /** A correction of {@code fact} to {@code cents}, recorded a minute after it. */
    protected SpendFact correction(SpendFact fact, long cents) {
        return fact.correctedBy(new SpendFactId(samples.nextId("F")), Money.ofCents(cents, Money.CNY),
                fact.recordedAt().plusSeconds(60));
    }

    private List<SpendFact> byNetwork(LocalNetworkId network, YearMonth from, YearMonth to) {
        return inTransaction(() -> {
            try (Stream<SpendFact> found = facts().byNetworkAndMonths(network, from, to)) {
                return found.toList();
            }
        });
    }

    /** Appending, duplicates and corrections. */
    @Nested
    class Appending {

        @Test
        void anAppendedFactIsFoundExactlyAsAppended() {
            SpendFact fact = fact(samples.accountId(), samples.networkId(), YearMonth.of(2024, 3), 1_234_567, 0);
            storage.transactions().run(() -> facts().append(fact));

            assertThat(inTransaction(() -> facts().find(fact.id()))).contains(fact);
            assertThat(inTransaction(() -> facts().byAccount(fact.account()))).containsExactly(fact);
            assertThat(inTransaction(() -> facts().find(new SpendFactId("no-such-fact")))).isEmpty();
        }

        @Test
        void aFactWithAStoredIdIsRejectedAndTheStoredFactStays() {
            SpendFact fact = fact(samples.accountId(), samples.networkId(), YearMonth.of(2024, 3), 100_00, 0);
            appendInTransaction(List.of(fact));
            SpendFact sameId = new SpendFact(fact.id(), fact.account(), fact.network(), fact.month(),
                    Money.ofCents(999_00, Money.CNY), fact.recordedAt().plusSeconds(5), Optional.empty());

            assertThatThrownBy(() -> storage.transactions().run(() -> facts().append(sameId)))
                    .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(fact.id().value());
            assertThatThrownBy(() -> appendInTransaction(List.of(fact)))
                    .as("an identical fact is a duplicate too").isInstanceOf(AlreadyExistsException.class);

            assertThat(inTransaction(() -> facts().byAccount(fact.account()))).containsExactly(fact);
        }

        @Test
        void aRejectedAppendWritesNothingEvenWhenTheTransactionGoesOnAndCommits() {
            AccountId account = samples.accountId();
            LocalNetworkId network = samples.networkId();
            SpendFact stored = fact(account, network, YearMonth.of(2024, 1), 100_00, 0);
            appendInTransaction(List.of(stored));
            SpendFact first = fact(account, network, YearMonth.of(2024, 2), 200_00, 1);
            SpendFact second = fact(account, network, YearMonth.of(2024, 3), 300_00, 2);
            SpendFact later = fact(account, network, YearMonth.of(2024, 4), 400_00, 3);

            List<SpendFact> seenInside = inTransaction(() -> {
                assertThatThrownBy(() -> facts().appendAll(List.of(first, second, stored)))
                        .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(stored.id().value());
                assertThatThrownBy(() -> facts().appendAll(List.of(first, second, first)))
                        .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(first.id().value());
                facts().append(later);
                return facts().byAccount(account);
            });

            assertThat(seenInside).containsExactly(stored, later);
            assertThat(inTransaction(() -> facts().byAccount(account))).containsExactly(stored, later);
        }

        @Test
        void aCorrectionIsStoredAsANewFactAndTheOriginalStays() {
            AccountId account = samples.accountId();
            LocalNetworkId network = samples.networkId();
            SpendFact original = fact(account, network, YearMonth.of(2024, 5), 8_000_00, 0);
            SpendFact other = fact(account, network, YearMonth.of(2024, 5), 500_00, 1);
            appendInTransaction(List.of(original, other));
            SpendFact corrected = correction(original, 7_500_00);
            storage.transactions().run(() -> facts().append(corrected));
            SpendFact correctedAgain = correction(corrected, 7_600_00);
            storage.transactions().run(() -> facts().append(correctedAgain));

            List<SpendFact> stored = inTransaction(() -> facts().byAccount(account));
            assertThat(stored).containsExactly(original, other, corrected, correctedAgain);
            assertThat(inTransaction(() -> facts().find(original.id()))).contains(original);
            assertThat(EffectiveSpend.ofAccount(stored, account))
                    .containsExactly(Map.entry(YearMonth.of(2024, 5), Money.ofCents(8_100_00, Money.CNY)));
        }

        @Test
        void aCorrectionMayComeBeforeItsFactInOneAppend() {
            AccountId account = samples.accountId();
            SpendFact original = fact(account, samples.networkId(), YearMonth.of(2024, 6), 100_00, 0);
            SpendFact first = correction(original, 150_00);
            SpendFact second = correction(first, 175_00);
            appendInTransaction(List.of(second, first, original));

            assertThat(inTransaction(() -> facts().byAccount(account))).containsExactly(original, first, second);
        }

        @Test
        void aCorrectionOfAnUnknownFactIsNotFoundAndNothingIsWritten() {
            AccountId account = samples.accountId();
            LocalNetworkId network = samples.networkId();
            SpendFact unknown = fact(account, network, YearMonth.of(2024, 6), 100_00, 0);
            SpendFact fine = fact(account, network, YearMonth.of(2024, 7), 100_00, 0);
            SpendFact dangling = correction(unknown, 90_00);

            assertThatThrownBy(() -> appendInTransaction(List.of(fine, dangling))).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(dangling.id().value()).hasMessageContaining(unknown.id().value());
            assertThat(inTransaction(() -> facts().byAccount(account))).isEmpty();
        }

        @Test
        void aCorrectionOfAnotherAccountNetworkOrMonthOrRecordedEarlierIsInvalid() {
            AccountId account = samples.accountId();
            LocalNetworkId network = samples.networkId();
            SpendFact original = fact(account, network, YearMonth.of(2024, 6), 100_00, 10);
            appendInTransaction(List.of(original));
            Instant later = original.recordedAt().plusSeconds(60);
            List<SpendFact> wrong = List.of(
                    new SpendFact(new SpendFactId(samples.nextId("F")), samples.accountId(), network, original.month(),
                            Money.ofCents(1, Money.CNY), later, Optional.of(original.id())),
                    new SpendFact(new SpendFactId(samples.nextId("F")), account, samples.networkId(), original.month(),
                            Money.ofCents(1, Money.CNY), later, Optional.of(original.id())),
                    new SpendFact(new SpendFactId(samples.nextId("F")), account, network, YearMonth.of(2024, 7),
                            Money.ofCents(1, Money.CNY), later, Optional.of(original.id())),
                    new SpendFact(new SpendFactId(samples.nextId("F")), account, network, original.month(),
                            Money.ofCents(1, Money.CNY), original.recordedAt().minusSeconds(1), Optional.of(original.id())));

            for (SpendFact bad : wrong) {
                assertThatThrownBy(() -> appendInTransaction(List.of(bad))).as("%s", bad)
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(bad.id().value());
            }
            assertThat(inTransaction(() -> facts().byAccount(account))).containsExactly(original);
        }

        @Test
        void aFactIsCorrectedAtMostOnceSoACorrectionMustCorrectTheLatestFactOfItsChain() {
            AccountId account = samples.accountId();
            SpendFact original = fact(account, samples.networkId(), YearMonth.of(2024, 6), 100_00, 0);
            SpendFact first = correction(original, 90_00);
            appendInTransaction(List.of(original, first));
            SpendFact rival = correction(original, 80_00);
            SpendFact head = correction(first, 70_00);
            SpendFact rivalOfHead = correction(first, 60_00);

            assertThatThrownBy(() -> appendInTransaction(List.of(rival))).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining(original.id().value());
            assertThatThrownBy(() -> appendInTransaction(List.of(head, rivalOfHead)))
                    .isInstanceOf(InvalidStateException.class).hasMessageContaining(first.id().value());

            assertThat(inTransaction(() -> facts().byAccount(account))).containsExactly(original, first);
        }

        @Test
        void correctionsFormingACycleAreRejected() {
            AccountId account = samples.accountId();
            LocalNetworkId network = samples.networkId();
            SpendFactId a = new SpendFactId(samples.nextId("F"));
            SpendFactId b = new SpendFactId(samples.nextId("F"));
            SpendFact aCorrectsB = new SpendFact(a, account, network, YearMonth.of(2024, 6), Money.ofCents(1, Money.CNY),
                    T0, Optional.of(b));
            SpendFact bCorrectsA = new SpendFact(b, account, network, YearMonth.of(2024, 6), Money.ofCents(2, Money.CNY),
                    T0, Optional.of(a));

            assertThatThrownBy(() -> appendInTransaction(List.of(aCorrectsB, bCorrectsA)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cycle");
            assertThat(inTransaction(() -> facts().byAccount(account))).isEmpty();
        }

        @Test
        void twoTransactionsAppendingTheSameFactOrCorrectingTheSameFactExactlyOneWins() throws Exception {
            AccountId account = samples.accountId();
            LocalNetworkId network = samples.networkId();
            SpendFact fact = fact(account, network, YearMonth.of(2024, 6), 100_00, 0);
            SpendFact sameIdOtherAmount = new SpendFact(fact.id(), account, network, fact.month(),
                    Money.ofCents(200_00, Money.CNY), fact.recordedAt(), Optional.empty());
            SpendFact winner = race(fact, sameIdOtherAmount);
            assertThat(inTransaction(() -> facts().byAccount(account))).containsExactly(winner);

            SpendFact correction = correction(winner, 90_00);
            SpendFact rival = correction(winner, 80_00);
            SpendFact winningCorrection = race(correction, rival);
            assertThat(inTransaction(() -> facts().byAccount(account))).containsExactly(winner, winningCorrection);
        }

        /** Appends each fact in a transaction of its own, both started together; returns the one that was stored. */
        private SpendFact race(SpendFact first, SpendFact second) throws Exception {
            CyclicBarrier bothStarted = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<SpendFact>> racers = new ArrayList<>();
                for (SpendFact fact : List.of(first, second)) {
                    racers.add(threads.submit(() -> storage.transactions().execute(() -> {
                        facts().find(fact.id());
                        try {
                            bothStarted.await(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new AssertionError("the other racer did not start", e);
                        }
                        facts().append(fact);
                        return fact;
                    })));
                }
                List<SpendFact> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<SpendFact> racer : racers) {
                    try {
                        winners.add(racer.get(60, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(losers).singleElement().satisfiesAnyOf(
                        loser -> assertThat(loser).isInstanceOf(AlreadyExistsException.class),
                        loser -> assertThat(loser).isInstanceOf(InvalidStateException.class).hasMessageContaining("corrected"));
                return winners.get(0);
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void anAppendInARolledBackTransactionLeavesNothing() {
            SpendFact fact = fact(samples.accountId(), samples.networkId(), YearMonth.of(2024, 3), 100_00, 0);
            IllegalStateException boom = new IllegalStateException("planted failure");

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                facts().append(fact);
                throw boom;
            })).isSameAs(boom);

            assertThat(inTransaction(() -> facts().find(fact.id()))).isEmpty();
            assertThat(inTransaction(() -> facts().byAccount(fact.account()))).isEmpty();
        }

        @Test
        void everyMethodNeedsATransactionAndNamesAMissingArgument() {
            SpendFact fact = fact(samples.accountId(), samples.networkId(), YearMonth.of(2024, 3), 100_00, 0);
            YearMonth month = fact.month();
            assertThatThrownBy(() -> facts().append(fact)).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> facts().appendAll(List.of())).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> facts().find(fact.id())).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> facts().byAccount(fact.account())).isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> facts().byAccountAndMonths(fact.account(), month, month))
                    .isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> facts().byNetworkAndMonths(fact.network(), month, month))
                    .isInstanceOf(InvalidStateException.class);
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> facts().append(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("fact");
                List<SpendFact> withNull = new ArrayList<>();
                withNull.add(null);
                assertThatThrownBy(() -> facts().appendAll(withNull)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("facts");
                assertThatThrownBy(() -> facts().find(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("id");
                assertThatThrownBy(() -> facts().byAccount(null)).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("account");
                assertThatThrownBy(() -> facts().byNetworkAndMonths(fact.network(), null, month))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("from");
                assertThatThrownBy(() -> facts().byAccountAndMonths(fact.account(), month, null))
                        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to");
            });
        }
    }

    /** Month ranges and ordering. */
    @Nested
    class Ranges {

        @Test
        void monthRangesIncludeBothBoundsAndOnlyTheNetworkOrAccountAsked() {
            LocalNetworkId network = samples.networkId();
            AccountId first = samples.accountId();
            AccountId second = samples.accountId();
            SpendFact before = fact(first, network, YearMonth.of(2023, 12), 1, 0);
            SpendFact atStart = fact(second, network, YearMonth.of(2024, 1), 2, 0);
            SpendFact inside = fact(first, network, YearMonth.of(2024, 2), 3, 0);
            SpendFact insideCorrected = correction(inside, 4);
            SpendFact atEnd = fact(first, network, YearMonth.of(2024, 3), 5, 0);
            SpendFact after = fact(second, network, YearMonth.of(2024, 4), 6, 0);
            SpendFact elsewhere = fact(first, samples.networkId(), YearMonth.of(2024, 2), 7, 5);
            appendInTransaction(List.of(after, atEnd, insideCorrected, inside, atStart, before, elsewhere));

            assertThat(byNetwork(network, YearMonth.of(2024, 1), YearMonth.of(2024, 3)))
                    .containsExactly(inside, insideCorrected, atEnd, atStart);
            assertThat(byNetwork(network, YearMonth.of(2024, 2), YearMonth.of(2024, 2)))
                    .containsExactly(inside, insideCorrected);
            assertThat(byNetwork(network, YearMonth.of(2025, 1), YearMonth.of(2025, 12))).isEmpty();
            assertThat(inTransaction(() -> facts().byAccountAndMonths(first, YearMonth.of(2023, 12), YearMonth.of(2024, 2))))
                    .containsExactly(before, inside, insideCorrected, elsewhere);
            assertThat(inTransaction(() -> facts().byAccount(second))).containsExactly(atStart, after);
        }

        @Test
        void aRangeEndingBeforeItStartsIsRejected() {
            storage.transactions().run(() -> {
                assertThatThrownBy(() -> facts().byNetworkAndMonths(samples.networkId(), YearMonth.of(2024, 3),
                        YearMonth.of(2024, 2))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to");
                assertThatThrownBy(() -> facts().byAccountAndMonths(samples.accountId(), YearMonth.of(2024, 3),
                        YearMonth.of(2023, 3))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("to");
            });
        }

        @Test
        void randomLedgersWithCorrectionsAreReadBackWholeAndAddUp() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(AccountGenerators.ledgers(), integers().between(1, 12), integers().between(0, 11))
                    .checkAssert((generated, firstMonth, length) -> {
                        Ledger ledger = renamed(generated);
                        appendInTransaction(ledger.facts());
                        Comparator<SpendFact> order = Comparator.comparing((SpendFact f) -> f.account().value())
                                .thenComparing(SpendFact::month).thenComparing(SpendFact::recordedAt)
                                .thenComparing(f -> f.id().value());

                        List<SpendFact> all = byNetwork(ledger.network(), YearMonth.of(2024, 1), YearMonth.of(2024, 12));
                        assertThat(all).isEqualTo(ledger.facts().stream().sorted(order).toList());
                        for (Map.Entry<AccountId, Map<YearMonth, Money>> e : ledger.expected().entrySet()) {
                            List<SpendFact> ofAccount = inTransaction(() -> facts().byAccount(e.getKey()));
                            assertThat(EffectiveSpend.ofAccount(ofAccount, e.getKey())).isEqualTo(e.getValue());
                        }
                        YearMonth from = YearMonth.of(2024, firstMonth);
                        YearMonth to = from.plusMonths(length);
                        assertThat(byNetwork(ledger.network(), from, to)).isEqualTo(all.stream()
                                .filter(f -> !f.month().isBefore(from) && !f.month().isAfter(to)).toList());
                    });
        }

        /** The ledger with ids of this test: its own network, accounts and fact ids of one length. */
        private Ledger renamed(Ledger ledger) {
            String prefix = samples.nextId("L");
            LocalNetworkId network = new LocalNetworkId(prefix + "N");
            Map<SpendFactId, SpendFactId> ids = new HashMap<>();
            for (SpendFact f : ledger.facts()) {
                ids.put(f.id(), new SpendFactId(String.format("%sF%04d", prefix, Integer.parseInt(f.id().value().substring(1)))));
            }
            List<SpendFact> facts = ledger.facts().stream().map(f -> new SpendFact(ids.get(f.id()), account(prefix, f.account()),
                    network, f.month(), f.amount(), f.recordedAt(), f.corrects().map(ids::get))).toList();
            Map<AccountId, Map<YearMonth, Money>> expected = new TreeMap<>(Comparator.comparing(AccountId::value));
            ledger.expected().forEach((account, months) -> expected.put(account(prefix, account), months));
            return new Ledger(facts, expected, network);
        }

        private AccountId account(String prefix, AccountId generated) {
            return new AccountId(prefix + generated.value());
        }
    }
}
