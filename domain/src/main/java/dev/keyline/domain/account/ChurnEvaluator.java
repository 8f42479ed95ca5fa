package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The churn warning loop's assessment (客户预警): applies a set of {@link ChurnRule}s to one
 * account's inputs and collects the signals. A non-empty result is what
 * {@link KeyAccount#raiseChurnWarning(List, java.time.Instant)} takes.
 *
 * @param rules the rules, at least one, with unique names; applied in this order
 */
public record ChurnEvaluator(List<ChurnRule> rules) {

    /**
     * Validates the rules.
     *
     * @param rules the rules, at least one, with unique names; applied in this order
     */
    public ChurnEvaluator {
        rules = Require.nonNullElements(rules, "rules");
        Require.that(!rules.isEmpty(), "rules", "must hold at least one rule");
        Set<String> names = new HashSet<>();
        for (ChurnRule rule : rules) {
            String name = Require.nonBlank(rule.name(), "rule name");
            if (!names.add(name)) {
                throw new InvalidArgumentException("rules", "two rules are named '" + name + "'");
            }
        }
    }

    /**
     * The project's default rules (the seed gives no numbers): spend falling 3 months in a row, a
     * bill unpaid for more than 90 days, 3 or more complaints within 90 days.
     *
     * @return the evaluator
     */
    public static ChurnEvaluator standard() {
        return new ChurnEvaluator(List.of(new FallingSpendRule(3), new ArrearsAgeRule(90), new ComplaintsRule(3, 90)));
    }

    /**
     * These rules and one more, applied last: for example
     * {@code ChurnEvaluator.standard().with(new ArrearsRule(60, Money.cny("10000.00")))}.
     *
     * @param rule the rule to add; its name must not be taken
     * @return a new evaluator
     */
    public ChurnEvaluator with(ChurnRule rule) {
        Require.nonNull(rule, "rule");
        List<ChurnRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new ChurnEvaluator(more);
    }

    /**
     * Applies every rule.
     *
     * @param inputs the account's inputs
     * @return the signals of the rules that fired, in rule order; empty when none did
     */
    public List<ChurnSignal> evaluate(ChurnInputs inputs) {
        Require.nonNull(inputs, "inputs");
        List<ChurnSignal> signals = new ArrayList<>();
        for (ChurnRule rule : rules) {
            Optional<ChurnSignal> signal = rule.evaluate(inputs);
            if (signal == null) {
                throw new InvalidArgumentException("rules", "rule '" + rule.name() + "' returned null instead of an Optional");
            }
            signal.ifPresent(signals::add);
        }
        return List.copyOf(signals);
    }
}
