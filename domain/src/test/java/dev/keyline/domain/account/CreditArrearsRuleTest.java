package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The churn rule on arrears that are both old and large, the link from credit to churn warnings. */
class CreditArrearsRuleTest {

    static final AccountId A = new AccountId("A");
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    static ChurnInputs owing(String amount, int daysOverdue) {
        return new ChurnInputs(A, AS_OF, Map.of(), Money.cny(amount), Optional.of(AS_OF.minusDays(daysOverdue)), List.of());
    }

    @Test
    void firesOnlyWhenArrearsAreBothOlderThanTheAgeAndAtLeastTheAmount() {
        ArrearsRule rule = new ArrearsRule(60, Money.cny("10000.00"));
        assertThat(rule.evaluate(owing("10000.00", 61))).get().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(ArrearsRule.NAME);
            assertThat(s.kind()).isEqualTo(ChurnSignalKind.ARREARS);
            assertThat(s.detail()).contains("61 days").contains("10000.00");
        });
        assertThat(rule.evaluate(owing("10000.00", 60))).isEmpty();
        assertThat(rule.evaluate(owing("9999.99", 200))).isEmpty();
        assertThat(rule.evaluate(new ChurnInputs(A, AS_OF, Map.of(), Money.zero(), Optional.empty(), List.of()))).isEmpty();
        assertThatThrownBy(() -> new ArrearsRule(-1, Money.zero())).hasMessageContaining("maxDays");
        assertThatThrownBy(() -> new ArrearsRule(1, Money.cny("-1.00"))).hasMessageContaining("minAmount");
    }

    @Test
    void theStandardRulesTakeItAsOneMoreRule() {
        ChurnEvaluator rules = ChurnEvaluator.standard().with(new ArrearsRule(30, Money.cny("500.00")));
        assertThat(rules.rules()).hasSize(ChurnEvaluator.standard().rules().size() + 1);
        assertThat(rules.evaluate(owing("600.00", 45))).extracting(ChurnSignal::rule).containsExactly(ArrearsRule.NAME);
        assertThatThrownBy(() -> rules.with(new ArrearsRule(1, Money.zero()))).hasMessageContaining("arrears");
    }
}
