package dev.keyline.domain.account;

import static dev.keyline.domain.account.AccountGenerators.cny;
import static dev.keyline.domain.account.AccountGenerators.ledgers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpendFactProperties {

    private static Map<AccountId, Map<YearMonth, Money>> effective(List<SpendFact> facts) {
        Map<AccountId, Map<YearMonth, Money>> result = new HashMap<>();
        for (MonthlySpend s : EffectiveSpend.of(facts)) {
            assertThat(result.computeIfAbsent(s.account(), a -> new TreeMap<>()).put(s.month(), s.amount()))
                    .as("one entry per account and month").isNull();
        }
        return result;
    }

    /** Ledgers with at least one correction: a fixed chain of two facts for account A9 is added. */
    private static org.quicktheories.core.Gen<AccountGenerators.Ledger> ledgersWithACorrection() {
        return ledgers().map(l -> {
            SpendFact original = SpendFact.original(new SpendFactId("G1"), new AccountId("A9"), l.network(),
                    YearMonth.of(2024, 6), Money.cny("100.00"), AccountGenerators.EPOCH);
            SpendFact correction = original.correctedBy(new SpendFactId("G2"), Money.cny("90.00"), AccountGenerators.EPOCH.plusSeconds(60));
            List<SpendFact> facts = new ArrayList<>(l.facts());
            facts.add(correction);
            facts.add(0, original);
            Map<AccountId, Map<YearMonth, Money>> expected = new HashMap<>(l.expected());
            expected.put(new AccountId("A9"), new TreeMap<>(Map.of(YearMonth.of(2024, 6), Money.cny("90.00"))));
            return new AccountGenerators.Ledger(List.copyOf(facts), expected, l.network());
        });
    }

    @Test
    void theAddedChainCountsWithItsCorrection() {
        qt().withExamples(50).forAll(ledgersWithACorrection()).checkAssert(ledger ->
                assertThat(effective(ledger.facts())).isEqualTo(ledger.expected()));
    }

    private static Map<SpendFactId, SpendFact> byId(List<SpendFact> facts) {
        Map<SpendFactId, SpendFact> map = new HashMap<>();
        facts.forEach(f -> map.put(f.id(), f));
        return map;
    }

    private static List<SpendFact> heads(List<SpendFact> facts) {
        Set<SpendFactId> corrected = new HashSet<>();
        facts.forEach(f -> f.corrects().ifPresent(corrected::add));
        return facts.stream().filter(f -> !corrected.contains(f.id())).toList();
    }

    @Test
    void eachChainCountsWithItsLatestCorrectionAndChainsOfOneMonthAddUp() {
        qt().forAll(ledgers()).checkAssert(ledger -> assertThat(effective(ledger.facts())).isEqualTo(ledger.expected()));
    }

    @Test
    void theOrderOfTheFactsAndRepeatedFactsDoNotMatter() {
        qt().forAll(ledgers(), longs().all()).checkAssert((ledger, seed) -> {
            List<SpendFact> reordered = new ArrayList<>(ledger.facts());
            reordered.addAll(ledger.facts().subList(0, ledger.facts().size() / 2));
            Collections.shuffle(reordered, new Random(seed));
            assertThat(EffectiveSpend.of(reordered)).isEqualTo(EffectiveSpend.of(ledger.facts()));
        });
    }

    @Test
    void aCorrectionReplacesOnlyTheValueOfTheFactItCorrects() {
        qt().forAll(ledgersWithACorrection(), integers().between(0, 1000), cny(0, 1_000_000))
                .checkAssert((ledger, pick, amount) -> {
                    List<SpendFact> heads = heads(ledger.facts());
                    SpendFact head = heads.get(pick % heads.size());
                    List<SpendFact> corrected = new ArrayList<>(ledger.facts());
                    corrected.add(head.correctedBy(new SpendFactId("NEW"), amount, head.recordedAt().plusSeconds(1)));
                    Map<AccountId, Map<YearMonth, Money>> before = effective(ledger.facts());
                    Map<AccountId, Map<YearMonth, Money>> after = effective(corrected);
                    Money expected = before.get(head.account()).get(head.month()).minus(head.amount()).plus(amount);
                    assertThat(after.get(head.account()).get(head.month())).isEqualTo(expected);
                    after.get(head.account()).put(head.month(), before.get(head.account()).get(head.month()));
                    assertThat(after).as("every other account and month unchanged").isEqualTo(before);
                });
    }

    @Test
    void correctionChainsThatFormACycleAreRejected() {
        qt().forAll(ledgersWithACorrection(), integers().between(0, 1000))
                .checkAssert((ledger, pick) -> {
                    Map<SpendFactId, SpendFact> byId = byId(ledger.facts());
                    List<SpendFact> heads = heads(ledger.facts()).stream().filter(SpendFact::isCorrection).toList();
                    SpendFact head = heads.get(pick % heads.size());
                    SpendFact original = head;
                    while (original.isCorrection()) {
                        original = byId.get(original.corrects().get());
                    }
                    SpendFact looped = new SpendFact(original.id(), original.account(), original.network(), original.month(),
                            original.amount(), original.recordedAt(), Optional.of(head.id()));
                    List<SpendFact> facts = new ArrayList<>(ledger.facts());
                    facts.remove(original);
                    facts.add(looped);
                    assertThatThrownBy(() -> EffectiveSpend.of(facts)).isInstanceOf(InvalidArgumentException.class)
                            .hasMessageContaining("cycle");
                });
    }

    @Test
    void aCorrectionOfAnotherAccountsOrMonthsFactIsRejected() {
        qt().forAll(ledgersWithACorrection(), integers().between(0, 1000), integers().between(0, 1))
                .checkAssert((ledger, pick, kind) -> {
                    SpendFact target = ledger.facts().get(pick % ledger.facts().size());
                    AccountId account = kind == 0 ? new AccountId(target.account().value() + "X") : target.account();
                    YearMonth month = kind == 1 ? target.month().plusMonths(1) : target.month();
                    List<SpendFact> facts = new ArrayList<>(ledger.facts());
                    facts.add(new SpendFact(new SpendFactId("BAD"), account, target.network(), month, Money.zero(),
                            target.recordedAt(), Optional.of(target.id())));
                    assertThatThrownBy(() -> EffectiveSpend.of(facts)).isInstanceOf(InvalidArgumentException.class)
                            .hasMessageContaining("another account or month");
                });
    }

    @Test
    void aSecondCorrectionOfTheSameFactIsRejected() {
        qt().forAll(ledgersWithACorrection(), integers().between(0, 1000))
                .checkAssert((ledger, pick) -> {
                    Map<SpendFactId, SpendFact> byId = byId(ledger.facts());
                    List<SpendFact> corrections = ledger.facts().stream().filter(SpendFact::isCorrection).toList();
                    SpendFact correction = corrections.get(pick % corrections.size());
                    SpendFact target = byId.get(correction.corrects().get());
                    List<SpendFact> facts = new ArrayList<>(ledger.facts());
                    facts.add(target.correctedBy(new SpendFactId("TWIN"), Money.zero(), correction.recordedAt()));
                    assertThatThrownBy(() -> EffectiveSpend.of(facts)).isInstanceOf(InvalidArgumentException.class)
                            .hasMessageContaining("corrected by both");
                });
    }
}
