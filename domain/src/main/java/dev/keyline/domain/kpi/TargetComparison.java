package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/** How a KPI's value is compared with its target to decide whether the target is met. */
public enum TargetComparison {

    /** Met when {@code value ≥ target}; for a KPI where higher is better. */
    AT_LEAST(KpiDirection.HIGHER_IS_BETTER, "≥"),

    /** Met when {@code value > target}; for a KPI where higher is better. */
    GREATER_THAN(KpiDirection.HIGHER_IS_BETTER, ">"),

    /** Met when {@code value ≤ target}; for a KPI where lower is better. */
    AT_MOST(KpiDirection.LOWER_IS_BETTER, "≤"),

    /** Met when {@code value < target}; for a KPI where lower is better. */
    LESS_THAN(KpiDirection.LOWER_IS_BETTER, "<");

    private final KpiDirection direction;
    private final String symbol;

    TargetComparison(KpiDirection direction, String symbol) {
        this.direction = direction;
        this.symbol = symbol;
    }

    /**
     * The direction this comparison belongs to.
     *
     * @return the direction
     */
    public KpiDirection direction() {
        return direction;
    }

    /**
     * The comparison's symbol.
     *
     * @return one of {@code ≥ > ≤ <}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether a value meets a target by this comparison.
     *
     * @param value the value
     * @param target the target
     * @return true when the comparison holds
     * @throws InvalidArgumentException when an argument is null
     */
    public boolean holds(BigDecimal value, BigDecimal target) {
        Require.nonNull(value, "value");
        Require.nonNull(target, "target");
        int c = value.compareTo(target);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case GREATER_THAN -> c > 0;
            case AT_MOST -> c <= 0;
            case LESS_THAN -> c < 0;
        };
    }
}
