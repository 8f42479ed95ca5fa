package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * One weighted KPI of a scorecard.
 *
 * @param kpi the KPI
 * @param weight the line's weight, positive; weights are relative (see {@link ScorecardDefinition})
 */
public record ScorecardLine(KpiId kpi, BigDecimal weight) {

    /**
     * Validates the line.
     *
     * @param kpi the KPI
     * @param weight the line's weight, positive; weights are relative (see {@link ScorecardDefinition})
     * @throws InvalidArgumentException when an argument is null or the weight is not positive
     */
    public ScorecardLine {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(weight, "weight");
        Require.that(weight.signum() > 0, "weight", () -> "must be positive, was " + weight.toPlainString());
    }

    /**
     * A line with a whole-number weight.
     *
     * @param kpi the KPI
     * @param weight the weight, positive
     * @return the line
     * @throws InvalidArgumentException when the KPI is null or the weight is not positive
     */
    public static ScorecardLine of(KpiId kpi, long weight) {
        return new ScorecardLine(kpi, BigDecimal.valueOf(weight));
    }
}
