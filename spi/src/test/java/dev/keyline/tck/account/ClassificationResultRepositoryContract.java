package dev.keyline.tck.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialAssessment;
import dev.keyline.domain.account.PotentialCriterion;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.spi.account.ClassificationResultRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The compatibility kit of {@link ClassificationResultRepository}: results round-trip whole, one
 * per network and run date, the latest is the one with the latest run date and the history is in
 * run-date order. A provider runs it by extending {@link AccountAreaContract}, or this class
 * directly with {@link #newStorage()}.
 */
public abstract class ClassificationResultRepositoryContract extends StorageBackedContract {

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** The repository under test. */
    protected ClassificationResultRepository results() {
        return storage.port(ClassificationResultRepository.class);
    }

    /** Stores in a transaction of its own. */
    protected void storeInTransaction(ClassificationResult result) {
        storage.transactions().run(() -> results().store(result));
    }

    /** A result with two key accounts and one potential, for {@code network} on {@code runDate}. */
    protected ClassificationResult result(LocalNetworkId network, LocalDate runDate) {
        AccountId first = samples.accountId();
        AccountId second = samples.accountId();
        return new ClassificationResult(network, runDate, AssessmentWindow.endingBefore(runDate, 6), "share",
                Optional.of(Money.cny("5000.00")),
                List.of(new ClassifiedAccount(first, Money.cny("6000.00"), Tier.LOCAL),
                        new ClassifiedAccount(second, Money.cny("80000.00"), Tier.NATIONAL)),
                List.of(new PotentialAssessment(samples.accountId(), Industry.KEY_CUSTOMERS,
                        List.of(PotentialCriterion.PARTY_GOVERNMENT_MILITARY), "党政军: a county government office")));
    }

    @Test
    void aStoredResultIsFoundWhole() {
        LocalNetworkId network = samples.networkId();
        ClassificationResult result = result(network, LocalDate.of(2024, 7, 1));
        storeInTransaction(result);

        assertThat(inTransaction(() -> results().find(network, LocalDate.of(2024, 7, 1)))).contains(result);
        assertThat(inTransaction(() -> results().latest(network))).contains(result);
        assertThat(inTransaction(() -> results().history(network))).containsExactly(result);
        assertThat(inTransaction(() -> results().find(network, LocalDate.of(2024, 7, 2)))).isEmpty();
    }

    @Test
    void aResultWithNobodyOnEitherListIsFoundWhole() {
        LocalNetworkId network = samples.networkId();
        LocalDate runDate = LocalDate.of(2024, 1, 1);
        ClassificationResult empty = new ClassificationResult(network, runDate, AssessmentWindow.endingBefore(runDate, 12),
                "share", Optional.empty(), List.of(), List.of());
        storeInTransaction(empty);

        assertThat(inTransaction(() -> results().find(network, runDate))).contains(empty);
    }

    @Test
    void theLatestIsTheLatestRunDateWhateverTheOrderOfStoringAndTheHistoryIsOldestFirst() {
        LocalNetworkId network = samples.networkId();
        LocalNetworkId other = samples.networkId();
        ClassificationResult july = result(network, LocalDate.of(2024, 7, 1));
        ClassificationResult january = result(network, LocalDate.of(2024, 1, 1));
        ClassificationResult nextJanuary = result(network, LocalDate.of(2025, 1, 1));
        ClassificationResult otherNetwork = result(other, LocalDate.of(2026, 1, 1));
        storeInTransaction(july);
        storeInTransaction(nextJanuary);
        storeInTransaction(otherNetwork);
        storeInTransaction(january);

        assertThat(inTransaction(() -> results().latest(network))).contains(nextJanuary);
        assertThat(inTransaction(() -> results().history(network))).containsExactly(january, july, nextJanuary);
        assertThat(inTransaction(() -> results().history(other))).containsExactly(otherNetwork);
        LocalNetworkId none = samples.networkId();
        assertThat(inTransaction(() -> results().latest(none))).isEmpty();
        assertThat(inTransaction(() -> results().history(none))).isEmpty();
    }

    @Test
    void aSecondResultForTheSameNetworkAndRunDateIsRejectedAndTheFirstStays() {
        LocalNetworkId network = samples.networkId();
        LocalDate runDate = LocalDate.of(2024, 7, 1);
        ClassificationResult first = result(network, runDate);
        storeInTransaction(first);
        ClassificationResult second = result(network, runDate);

        assertThatThrownBy(() -> storeInTransaction(second)).isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining(network.value()).hasMessageContaining("2024-07-01");

        assertThat(inTransaction(() -> results().history(network))).containsExactly(first);
        ClassificationResult sameDateElsewhere = result(samples.networkId(), runDate);
        storeInTransaction(sameDateElsewhere);
        assertThat(inTransaction(() -> results().latest(sameDateElsewhere.network()))).contains(sameDateElsewhere);
    }

    @Test
    void aResultStoredInARolledBackTransactionLeavesNothing() {
        ClassificationResult result = result(samples.networkId(), LocalDate.of(2024, 7, 1));
        IllegalStateException boom = new IllegalStateException("planted failure");

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            results().store(result);
            throw boom;
        })).isSameAs(boom);

        assertThat(inTransaction(() -> results().history(result.network()))).isEmpty();
        storeInTransaction(result);
        assertThat(inTransaction(() -> results().latest(result.network()))).contains(result);
    }

    @Test
    void everyMethodNeedsATransactionAndNamesAMissingArgument() {
        LocalNetworkId network = samples.networkId();
        ClassificationResult result = result(network, LocalDate.of(2024, 7, 1));
        assertThatThrownBy(() -> results().store(result)).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> results().latest(network)).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> results().history(network)).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> results().find(network, result.runDate())).isInstanceOf(InvalidStateException.class);
        storage.transactions().run(() -> {
            assertThatThrownBy(() -> results().store(null)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("result");
            assertThatThrownBy(() -> results().latest(null)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("network");
            assertThatThrownBy(() -> results().find(network, null)).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("runDate");
        });
    }

    @Test
    void randomResultsRoundTripWhole() {
        qt().withExamples(propertyExamples()).withShrinkCycles(20).forAll(results(samples.networkId()))
                .checkAssert(result -> {
                    if (inTransaction(() -> results().find(result.network(), result.runDate())).isPresent()) {
                        return;
                    }
                    storeInTransaction(result);
                    assertThat(inTransaction(() -> results().find(result.network(), result.runDate()))).contains(result);
                    List<ClassificationResult> history = inTransaction(() -> results().history(result.network()));
                    assertThat(history).contains(result);
                    assertThat(history).isSortedAccordingTo(java.util.Comparator.comparing(ClassificationResult::runDate));
                    assertThat(inTransaction(() -> results().latest(result.network()))).contains(history.get(history.size() - 1));
                });
    }

    /** Random valid results of one network: key accounts at or above the threshold, potentials with criteria. */
    private Gen<ClassificationResult> results(LocalNetworkId network) {
        Gen<Tier> tiers = Generate.pick(List.of(Tier.LOCAL, Tier.NATIONAL));
        Gen<List<PotentialCriterion>> criteria = lists().of(Generate.enumValues(PotentialCriterion.class)).ofSizeBetween(1, 4);
        Gen<String> explanations = Generate.pick(List.of("ranks 2nd of its industry by turnover",
                "物业管理公司: manages 12 office towers", "designated by the general manager"));
        return in -> {
            LocalDate runDate = LocalDate.of(2020, 1, 1).plusDays(integers().between(0, 3_000).generate(in));
            AssessmentWindow window = AssessmentWindow.endingBefore(runDate, integers().between(1, 12).generate(in));
            int keyCount = integers().between(0, 6).generate(in);
            boolean threshold = keyCount > 0 || Generate.booleans().generate(in);
            long thresholdCents = longs().between(0, 10_000_000L).generate(in);
            List<ClassifiedAccount> keys = new ArrayList<>();
            for (int i = 0; i < keyCount; i++) {
                long cents = thresholdCents + longs().between(0, 3).generate(in) * 100_000;
                keys.add(new ClassifiedAccount(samples.accountId(), Money.ofCents(cents, Money.CNY), tiers.generate(in)));
            }
            List<PotentialAssessment> potentials = new ArrayList<>();
            for (int i = integers().between(0, 4).generate(in); i > 0; i--) {
                potentials.add(new PotentialAssessment(samples.accountId(), Generate.enumValues(Industry.class).generate(in),
                        criteria.generate(in), explanations.generate(in)));
            }
            return new ClassificationResult(network, runDate, window,
                    Generate.pick(List.of("share", "minimum", "份额")).generate(in),
                    threshold ? Optional.of(Money.ofCents(thresholdCents, Money.CNY)) : Optional.empty(), keys, potentials);
        };
    }
}
