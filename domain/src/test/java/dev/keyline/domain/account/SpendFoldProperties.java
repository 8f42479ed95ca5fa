package dev.keyline.domain.account;

import dev.keyline.domain.common.LocalNetworkId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The streaming fold ({@link SpendFold} over {@link SpendTotals}, classified through
 * {@link NetworkAverages}) against the whole-population computation it replaces
 * ({@link SpendAverages#byNetwork} and the rules over maps), on random populations with several
 * networks, correction chains, repeated facts, months outside the window and many ties.
 */
class SpendFoldProperties {

    private static final Instant T0 = Instant.parse("2024-07-01T00:00:00Z");
    private static final String[] NETWORKS = {"KM", "SZ", "XA"};

    /** A random population drawn from a seed: facts grouped by nothing in particular. */
    record Population(List<SpendFact> facts, Set<YearMonth> window) {
    }

    static Population population(long seed) {
        Random random = new Random(seed);
        int customers = 1 + random.nextInt(30);
        int networks = 1 + random.nextInt(NETWORKS.length);
        // few distinct amounts and tiny ones, so averages tie and round half-even often
        long[] amounts = {0, 1, 3, 5, 100, 150, 10_000, 12_345, 2_000_000};
        List<SpendFact> facts = new ArrayList<>();
        int id = 0;
        for (int c = 0; c < customers; c++) {
            AccountId account = new AccountId("C" + random.nextInt(100));
            if (facts.stream().anyMatch(f -> f.account().equals(account))) {
                continue;
            }
            LocalNetworkId network = new LocalNetworkId(NETWORKS[random.nextInt(networks)]);
            int chains = random.nextInt(8);
            for (int k = 0; k < chains; k++) {
                YearMonth month = YearMonth.of(2024, 1 + random.nextInt(6));
                Instant at = T0.plusSeconds(random.nextInt(1000));
                SpendFact fact = SpendFact.original(new SpendFactId("F" + (++id)), account, network, month,
                        Money.ofCents(amounts[random.nextInt(amounts.length)], Money.CNY), at);
                facts.add(fact);
                int corrections = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                for (int j = 0; j < corrections; j++) {
                    at = at.plusSeconds(random.nextInt(100));
                    fact = fact.correctedBy(new SpendFactId("F" + (++id)),
                            Money.ofCents(amounts[random.nextInt(amounts.length)], Money.CNY), at);
                    facts.add(fact);
                }
                if (random.nextInt(10) == 0) {
                    facts.add(fact); // an identical fact given twice counts once
                }
            }
        }
        Set<YearMonth> window = new TreeSet<>();
        for (int m = 1; m <= 6; m++) {
            if (random.nextInt(3) > 0) {
                window.add(YearMonth.of(2024, m));
            }
        }
        if (window.isEmpty()) {
            window.add(YearMonth.of(2024, 1 + random.nextInt(6)));
        }
        return new Population(List.copyOf(facts), window);
    }

    /** The facts grouped by account, the groups and the facts inside each in a random order. */
    static List<SpendFact> groupedByAccount(List<SpendFact> facts, Random random) {
        Map<AccountId, List<SpendFact>> groups = new LinkedHashMap<>();
        facts.forEach(f -> groups.computeIfAbsent(f.account(), a -> new ArrayList<>()).add(f));
        List<List<SpendFact>> order = new ArrayList<>(groups.values());
        Collections.shuffle(order, random);
        List<SpendFact> result = new ArrayList<>();
        for (List<SpendFact> group : order) {
            Collections.shuffle(group, random);
            result.addAll(group);
        }
        return result;
    }

    private static List<ClassificationRule> rules(Random random) {
        BigDecimal share = BigDecimal.valueOf(1 + random.nextInt(100), 2);
        return List.of(RevenueShareRule.standard(), new RevenueShareRule(share),
                new MonthlyMinimumRule(Money.ofCents(1 + random.nextInt(20_000), Money.CNY)));
    }

    @Test
    void theFoldGivesExactlyTheWholePopulationAveragesAndClassifications() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Population p = population(seed);
            Random random = new Random(seed ^ 0x5DEECE66DL);
            Map<LocalNetworkId, Map<AccountId, Money>> expected = SpendAverages.byNetwork(p.facts(), p.window());

            SpendFold fold = SpendFold.over(p.window());
            groupedByAccount(p.facts(), random).forEach(fold::add);
            Map<LocalNetworkId, NetworkAverages> actual = fold.averages();

            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            for (LocalNetworkId network : expected.keySet()) {
                NetworkAverages averages = actual.get(network);
                assertThat(averages.asMap()).isEqualTo(expected.get(network));
                List<RankedAccount> ranking = new ArrayList<>();
                expected.get(network).forEach((a, m) -> ranking.add(new RankedAccount(a, m)));
                ranking.sort(RankedAccount.RANKING);
                for (int i = 0; i < ranking.size(); i++) {
                    assertThat(averages.ranked(i)).isEqualTo(ranking.get(i));
                }
                for (ClassificationRule rule : rules(random)) {
                    assertThat(rule.classify(averages)).isEqualTo(rule.classify(network, expected.get(network)));
                }
            }
        });
    }

    @Test
    void foldingAllMonthsSeenEqualsTheWindowOfEveryMonthThatOccurs() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Population p = population(seed);
            List<SpendFact> originals = p.facts().stream().filter(f -> !f.isCorrection()).distinct().toList();
            Set<YearMonth> months = new TreeSet<>();
            originals.forEach(f -> months.add(f.month()));
            List<SpendFact> shuffled = new ArrayList<>(originals);
            Collections.shuffle(shuffled, new Random(seed));

            SpendFold fold = SpendFold.overMonthsSeen();
            shuffled.forEach(f -> fold.add(f.account(), f.network(), f.month(), f.amount().amount().unscaledValue().longValueExact()));
            Map<LocalNetworkId, NetworkAverages> actual = fold.averages();

            if (months.isEmpty()) {
                assertThat(actual).isEmpty();
                return;
            }
            Map<LocalNetworkId, Map<AccountId, Money>> expected = SpendAverages.byNetwork(originals, months);
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((network, averages) -> assertThat(actual.get(network).asMap()).isEqualTo(averages));
            assertThat(fold.rows()).isEqualTo(originals.size());
        });
    }

    @Test
    void theRulesOverRankedAveragesEqualTheRulesOverMaps() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 60)).checkAssert((seed, size) -> {
            Random random = new Random(seed);
            Map<AccountId, Money> population = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                population.put(new AccountId("A" + random.nextInt(1000)), Money.ofCents(random.nextInt(6) * 50L, Money.CNY));
            }
            LocalNetworkId network = new LocalNetworkId("KM");
            NetworkAverages averages = NetworkAverages.of(network, population);
            for (ClassificationRule rule : rules(random)) {
                assertThat(rule.classify(averages)).isEqualTo(rule.classify(network, population));
            }
        });
    }

    @Test
    void anAccountWhoseFactsComeInTwoGroupsIsRejected() {
        YearMonth may = YearMonth.of(2024, 5);
        SpendFact a1 = SpendFact.original(new SpendFactId("1"), new AccountId("A"), new LocalNetworkId("KM"), may, Money.cny("1"), T0);
        SpendFact b1 = SpendFact.original(new SpendFactId("2"), new AccountId("B"), new LocalNetworkId("KM"), may, Money.cny("1"), T0);
        SpendFact a2 = SpendFact.original(new SpendFactId("3"), new AccountId("A"), new LocalNetworkId("KM"), may, Money.cny("1"), T0);
        SpendFold fold = SpendFold.over(Set.of(may)).add(a1).add(b1);

        assertThatThrownBy(() -> fold.add(a2)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the facts of account A must come together");
    }

    @Test
    void aGroupBreakingTheCorrectionRulesIsRejectedAsEffectiveSpendRejectsIt() {
        YearMonth may = YearMonth.of(2024, 5);
        SpendFact a1 = SpendFact.original(new SpendFactId("1"), new AccountId("A"), new LocalNetworkId("KM"), may, Money.cny("1"), T0);
        SpendFact c1 = a1.correctedBy(new SpendFactId("2"), Money.cny("2"), T0);
        SpendFact c2 = a1.correctedBy(new SpendFactId("3"), Money.cny("3"), T0);
        SpendFold fold = SpendFold.over(Set.of(may)).add(a1).add(c1).add(c2);

        assertThatThrownBy(fold::averages).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("is corrected by both");
    }

    @Test
    void aCustomerUnderTwoNetworksIsRejected() {
        SpendTotals totals = new SpendTotals(Money.CNY);
        totals.add(new AccountId("A"), new LocalNetworkId("KM"), 5);

        assertThatThrownBy(() -> totals.add(new AccountId("A"), new LocalNetworkId("SZ"), 5))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("account A appears under networks KM and SZ");
        assertThat(totals.customers()).isEqualTo(1);
    }

    @Test
    void halfEvenDivisionMatchesMoney() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), integers().between(1, 240)).checkAssert((cents, months) ->
                assertThat(SpendTotals.halfEven(cents, months))
                        .isEqualTo(Money.ofCents(cents, Money.CNY).dividedBy(months).amount().unscaledValue().longValueExact()));
    }
}
