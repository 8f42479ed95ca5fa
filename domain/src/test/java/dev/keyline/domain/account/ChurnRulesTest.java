package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

class ChurnRulesTest {

    private static final AccountId A = new AccountId("ACME");
    private static final LocalDate AS_OF = LocalDate.of(2024, 7, 10);

    private static ChurnInputs spend(String... amountsMarchToJune) {
        Map<YearMonth, Money> months = new java.util.HashMap<>();
        for (int i = 0; i < amountsMarchToJune.length; i++) {
            months.put(YearMonth.of(2024, 3 + i), Money.cny(amountsMarchToJune[i]));
        }
        return new ChurnInputs(A, AS_OF, months, Money.zero(), Optional.empty(), List.of());
    }

    @Test
    void fallingSpendFiresOnlyAfterTheSetNumberOfStrictFalls() {
        FallingSpendRule rule = new FallingSpendRule(3);
        Optional<ChurnSignal> signal = rule.evaluate(spend("100.00", "90.00", "80.00", "70.00"));
        assertThat(signal).isPresent();
        assertThat(signal.get().kind()).isEqualTo(ChurnSignalKind.FALLING_SPEND);
        assertThat(signal.get().rule()).isEqualTo("falling-spend");
        assertThat(signal.get().observedOn()).isEqualTo(AS_OF);
        assertThat(signal.get().detail()).contains("2024-06 70.00");
        assertThat(rule.evaluate(spend("100.00", "90.00", "90.00", "70.00"))).as("a flat month breaks the run").isEmpty();
        assertThat(rule.evaluate(spend("80.00", "90.00", "80.00", "70.00"))).as("only two falls").isEmpty();
        assertThat(new FallingSpendRule(2).evaluate(spend("80.00", "90.00", "80.00", "70.00"))).isPresent();
    }

    @Test
    void aMonthWithoutSpendCountsZero() {
        // March 100, April 50, May missing (0), June missing (0): falls 100 > 50 > 0, then 0 = 0
        assertThat(new FallingSpendRule(2).evaluate(spend("100.00", "50.00"))).isEmpty();
        assertThat(new FallingSpendRule(2).evaluate(spend("0.00", "100.00", "50.00"))).isPresent();
        assertThat(new FallingSpendRule(1).evaluate(spend())).as("no spend at all is no fall").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 25})
    void fallingSpendNeedsOneToTwentyFourMonths(int months) {
        assertThatThrownBy(() -> new FallingSpendRule(months)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("consecutiveMonths");
    }

    @Test
    void arrearsAboveTheAmountOrOlderThanTheAgeWarn() {
        ChurnInputs owing = new ChurnInputs(A, AS_OF, Map.of(), Money.cny("5000.00"), Optional.of(AS_OF.minusDays(91)), List.of());
        assertThat(new ArrearsAmountRule(Money.cny("4999.99")).evaluate(owing)).get()
                .extracting(ChurnSignal::kind).isEqualTo(ChurnSignalKind.ARREARS_AMOUNT);
        assertThat(new ArrearsAmountRule(Money.cny("5000.00")).evaluate(owing)).isEmpty();
        assertThat(new ArrearsAgeRule(90).evaluate(owing)).get().extracting(ChurnSignal::detail).asString().contains("91 days");
        assertThat(new ArrearsAgeRule(91).evaluate(owing)).isEmpty();
        ChurnInputs clean = new ChurnInputs(A, AS_OF, Map.of(), Money.zero(), Optional.empty(), List.of());
        assertThat(new ArrearsAgeRule(0).evaluate(clean)).isEmpty();
        assertThat(new ArrearsAmountRule(Money.zero()).evaluate(clean)).isEmpty();
        assertThatThrownBy(() -> new ArrearsAmountRule(Money.cny("-1.00"))).hasMessageContaining("limit");
        assertThatThrownBy(() -> new ArrearsAgeRule(-1)).hasMessageContaining("maxDays");
    }

    @Test
    void complaintsCountWithinTheWindow() {
        ChurnInputs inputs = new ChurnInputs(A, AS_OF, Map.of(), Money.zero(), Optional.empty(),
                List.of(AS_OF, AS_OF.minusDays(29), AS_OF.minusDays(30), AS_OF.minusDays(200)));
        assertThat(new ComplaintsRule(2, 30).evaluate(inputs)).isPresent();
        assertThat(new ComplaintsRule(3, 30).evaluate(inputs)).as("the day 30 days back is outside").isEmpty();
        assertThat(new ComplaintsRule(3, 31).evaluate(inputs)).isPresent();
        assertThatThrownBy(() -> new ComplaintsRule(0, 30)).hasMessageContaining("minimumComplaints");
        assertThatThrownBy(() -> new ComplaintsRule(1, 0)).hasMessageContaining("windowDays");
    }

    @Test
    void theEvaluatorCollectsTheSignalsInRuleOrderAndFeedsTheWarning() {
        ChurnInputs inputs = new ChurnInputs(A, AS_OF,
                Map.of(YearMonth.of(2024, 3), Money.cny("9.00"), YearMonth.of(2024, 4), Money.cny("8.00"),
                        YearMonth.of(2024, 5), Money.cny("7.00"), YearMonth.of(2024, 6), Money.cny("6.00")),
                Money.cny("100.00"), Optional.of(AS_OF.minusDays(120)), List.of(AS_OF));
        List<ChurnSignal> signals = ChurnEvaluator.standard().evaluate(inputs);
        assertThat(signals).extracting(ChurnSignal::rule).containsExactly("falling-spend", "arrears-age");
        KeyAccount account = KeyAccount.register(A, "Acme", new LocalNetworkId("SZ"), Industry.OTHER,
                new dev.keyline.domain.common.UserId("u1"), Instant.EPOCH);
        account.assignManager(new dev.keyline.domain.common.UserId("u2"), new dev.keyline.domain.common.UserId("u1"), Instant.EPOCH);
        account.activate(new dev.keyline.domain.common.UserId("u1"), Instant.EPOCH);
        account.raiseChurnWarning(signals, Instant.EPOCH.plusSeconds(1));
        assertThat(account.churnSignals()).isEqualTo(signals);
        ChurnInputs calm = new ChurnInputs(A, AS_OF, Map.of(), Money.zero(), Optional.empty(), List.of());
        assertThat(ChurnEvaluator.standard().evaluate(calm)).isEmpty();
    }

    @Test
    void theEvaluatorNeedsRulesWithUniqueNames() {
        assertThatThrownBy(() -> new ChurnEvaluator(List.of())).hasMessageContaining("rules");
        assertThatThrownBy(() -> new ChurnEvaluator(List.of(new FallingSpendRule(2), new FallingSpendRule(3))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("falling-spend");
        ChurnRule broken = new ChurnRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Optional<ChurnSignal> evaluate(ChurnInputs inputs) {
                return null;
            }
        };
        assertThatThrownBy(() -> new ChurnEvaluator(List.of(broken)).evaluate(spend())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("broken");
    }

    @Test
    void inputsAreValidatedAndBuiltFromSpendFacts() {
        assertThatThrownBy(() -> new ChurnInputs(A, AS_OF, Map.of(), Money.cny("1.00"), Optional.empty(), List.of()))
                .hasMessageContaining("oldestUnpaidDue");
        assertThatThrownBy(() -> new ChurnInputs(A, AS_OF, Map.of(), Money.zero(), Optional.of(AS_OF), List.of()))
                .hasMessageContaining("oldestUnpaidDue");
        assertThatThrownBy(() -> new ChurnInputs(A, AS_OF, Map.of(), Money.cny("1.00"), Optional.of(AS_OF.plusDays(1)), List.of()))
                .hasMessageContaining("oldestUnpaidDue");
        assertThatThrownBy(() -> new ChurnInputs(A, AS_OF, Map.of(), Money.zero(), Optional.empty(), List.of(AS_OF.plusDays(1))))
                .hasMessageContaining("complaints");
        assertThatThrownBy(() -> new ChurnInputs(A, AS_OF, Map.of(YearMonth.of(2024, 1), Money.cny("-1.00")), Money.zero(),
                Optional.empty(), List.of())).hasMessageContaining("monthlySpend");
        SpendFact f = SpendFact.original(new SpendFactId("F1"), A, new LocalNetworkId("SZ"), YearMonth.of(2024, 6),
                Money.cny("10.00"), Instant.EPOCH);
        ChurnInputs built = ChurnInputs.from(A, AS_OF, List.of(f, f.correctedBy(new SpendFactId("F2"), Money.cny("4.00"), Instant.EPOCH)),
                Money.zero(), Optional.empty(), List.of(AS_OF, AS_OF.minusDays(3)));
        assertThat(built.spendIn(YearMonth.of(2024, 6))).isEqualTo(Money.cny("4.00"));
        assertThat(built.spendIn(YearMonth.of(2024, 5))).isEqualTo(Money.zero());
        assertThat(built.complaints()).containsExactly(AS_OF.minusDays(3), AS_OF);
        assertThat(built.lastCompleteMonth()).isEqualTo(YearMonth.of(2024, 6));
    }
}
