package dev.keyline.domain.account;

import static dev.keyline.domain.account.AccountGenerators.cny;
import static dev.keyline.domain.account.AccountGenerators.nonEmptyPopulations;
import static dev.keyline.domain.account.AccountGenerators.nonEmptySmallPopulations;
import static dev.keyline.domain.account.AccountGenerators.populations;
import static dev.keyline.domain.account.AccountGenerators.shares;
import static dev.keyline.domain.account.AccountGenerators.shuffled;
import static dev.keyline.domain.account.AccountGenerators.smallPopulations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import dev.keyline.domain.common.LocalNetworkId;

class ClassificationProperties {

    private static final LocalNetworkId NETWORK = new LocalNetworkId("SZ");

    @Test
    void shareRuleReturnsTheShortestTieClosedPrefixFoundByBruteForce() {
        qt().forAll(smallPopulations(), shares()).checkAssert((population, share) -> {
            Classification result = new RevenueShareRule(share).classify(NETWORK, population);
            Optional<Set<AccountId>> best = bruteForce(population, share);
            if (best.isEmpty()) {
                assertThat(result.keyAccounts()).isEmpty();
                assertThat(result.threshold()).isEmpty();
                return;
            }
            assertThat(result.keyAccountIds()).isEqualTo(best.get());
            Money lowest = best.get().stream().map(population::get).min(Money::compareTo).orElseThrow();
            assertThat(result.threshold()).contains(lowest);
            assertThat(result.keyAccounts()).isSortedAccordingTo(RankedAccount.RANKING);
        });
    }

    /** The smallest set with no zero spender, closed upwards (ties included), reaching share × total. */
    private static Optional<Set<AccountId>> bruteForce(Map<AccountId, Money> population, BigDecimal share) {
        List<AccountId> ids = new ArrayList<>(population.keySet());
        BigDecimal total = population.values().stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal target = share.multiply(total);
        Set<AccountId> best = null;
        for (int mask = 1; mask < (1 << ids.size()); mask++) {
            Set<AccountId> set = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(ids.get(i));
                }
            }
            boolean valid = set.stream().allMatch(a -> population.get(a).isPositive());
            for (AccountId a : set) {
                for (AccountId b : ids) {
                    if (population.get(b).compareTo(population.get(a)) >= 0 && !set.contains(b)) {
                        valid = false;
                    }
                }
            }
            BigDecimal sum = set.stream().map(a -> population.get(a).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (valid && sum.compareTo(target) >= 0 && (best == null || set.size() < best.size())) {
                best = set;
            }
        }
        return Optional.ofNullable(best);
    }

    @Test
    void raisingACustomersSpendNeverDropsThatCustomer() {
        qt().forAll(nonEmptyPopulations(), shares(), integers().between(0, 39), cny(1, 5_000_000))
                .checkAssert((population, share, index, raise) -> {
                    RevenueShareRule rule = new RevenueShareRule(share);
                    AccountId customer = new ArrayList<>(population.keySet()).get(index % population.size());
                    Map<AccountId, Money> raised = new LinkedHashMap<>(population);
                    raised.put(customer, population.get(customer).plus(raise));
                    if (rule.classify(NETWORK, population).isKeyAccount(customer)) {
                        assertThat(rule.classify(NETWORK, raised).isKeyAccount(customer)).isTrue();
                    }
                });
    }

    @Test
    void raisingASmallCustomersSpendNeverDropsThatCustomerEither() {
        qt().forAll(nonEmptySmallPopulations(), shares(), integers().between(0, 7), integers().between(1, 5))
                .checkAssert((population, share, index, yuan) -> {
                    RevenueShareRule rule = new RevenueShareRule(share);
                    AccountId customer = new ArrayList<>(population.keySet()).get(index % population.size());
                    Map<AccountId, Money> raised = new LinkedHashMap<>(population);
                    raised.put(customer, population.get(customer).plus(Money.ofCents(yuan * 100L, Money.CNY)));
                    if (rule.classify(NETWORK, population).isKeyAccount(customer)) {
                        assertThat(rule.classify(NETWORK, raised).isKeyAccount(customer)).isTrue();
                    }
                });
    }

    @Test
    void theResultDoesNotDependOnInputOrder() {
        qt().forAll(populations(), shares(), longs().all(), cny(1, 10_000_000)).checkAssert((population, share, seed, minimum) -> {
            Map<AccountId, Money> reordered = shuffled(population, seed);
            assertThat(new RevenueShareRule(share).classify(NETWORK, reordered))
                    .isEqualTo(new RevenueShareRule(share).classify(NETWORK, population));
            assertThat(new MonthlyMinimumRule(minimum).classify(NETWORK, reordered))
                    .isEqualTo(new MonthlyMinimumRule(minimum).classify(NETWORK, population));
        });
    }

    @Test
    void shareRuleReachesTheShareAndNoShorterTieGroupDoes() {
        qt().forAll(populations(), shares()).checkAssert((population, share) -> {
            Classification result = new RevenueShareRule(share).classify(NETWORK, population);
            BigDecimal total = population.values().stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal target = share.multiply(total);
            BigDecimal sum = result.keyAccountSpend().amount();
            if (total.signum() == 0) {
                assertThat(result.keyAccounts()).isEmpty();
                return;
            }
            assertThat(sum).isGreaterThanOrEqualTo(target);
            Money threshold = result.threshold().orElseThrow();
            BigDecimal above = population.values().stream().filter(m -> m.compareTo(threshold) > 0)
                    .map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(above).as("the customers above the threshold alone miss the target").isLessThan(target);
            assertThat(result.keyAccountIds()).isEqualTo(population.entrySet().stream()
                    .filter(e -> e.getValue().compareTo(threshold) >= 0).map(Map.Entry::getKey).collect(Collectors.toSet()));
        });
    }

    @Test
    void minimumRuleMatchesItsDefinition() {
        qt().forAll(populations(), cny(1, 10_000_000)).checkAssert((population, minimum) -> {
            Classification result = new MonthlyMinimumRule(minimum).classify(NETWORK, population);
            Set<AccountId> expected = population.entrySet().stream().filter(e -> e.getValue().compareTo(minimum) >= 0)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(result.keyAccountIds()).isEqualTo(expected);
            assertThat(result.threshold()).contains(minimum);
            assertThat(result.rule()).isEqualTo("minimum");
            assertThat(result.keyAccounts()).isSortedAccordingTo(RankedAccount.RANKING);
        });
    }

    /** One original fact as (account 1..5, month 1..12, cents). */
    private record Entry(int account, int month, long cents) {
    }

    private static Gen<List<Entry>> entries() {
        Gen<Entry> entry = integers().between(1, 5).zip(integers().between(1, 12), longs().between(0, 10_000_000), Entry::new);
        return lists().of(entry).ofSizeBetween(0, 40);
    }

    @Test
    void spendAveragesSumOverTheWindowAndRoundHalfEvenToTheCent() {
        qt().forAll(entries(), lists().of(integers().between(1, 12)).ofSizeBetween(1, 12)).checkAssert((entries, windowMonths) -> {
            List<SpendFact> facts = new ArrayList<>();
            Map<AccountId, BigDecimal> sums = new HashMap<>();
            Set<YearMonth> window = windowMonths.stream().map(m -> YearMonth.of(2024, m)).collect(Collectors.toSet());
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                AccountId account = new AccountId("A" + e.account());
                YearMonth month = YearMonth.of(2024, e.month());
                facts.add(SpendFact.original(new SpendFactId("F" + i), account, NETWORK, month,
                        Money.ofCents(e.cents(), Money.CNY), Instant.EPOCH));
                if (window.contains(month)) {
                    sums.merge(account, BigDecimal.valueOf(e.cents(), 2), BigDecimal::add);
                }
            }
            Map<AccountId, Money> averages = SpendAverages.over(facts, window);
            assertThat(averages.keySet()).isEqualTo(sums.keySet());
            sums.forEach((account, sum) -> assertThat(averages.get(account).amount())
                    .isEqualTo(sum.divide(BigDecimal.valueOf(window.size()), 2, RoundingMode.HALF_EVEN)));
            assertThat(SpendAverages.byNetwork(facts, window).getOrDefault(NETWORK, Map.of())).isEqualTo(averages);
        });
    }
}
