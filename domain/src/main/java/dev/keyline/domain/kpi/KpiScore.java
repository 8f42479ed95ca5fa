package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One KPI's line on a scorecard: its weight, its value for the period and the band that value
 * falls in. A line without a value (the KPI had no value for the period, or a measured input was
 * not recorded) has no band and makes its scorecard incomplete.
 *
 * @param kpi the KPI
 * @param weight the line's weight, positive
 * @param value the KPI's value for the period, empty when there is none
 * @param band the band the value falls in; present exactly when the value has a value
 */
public record KpiScore(KpiId kpi, BigDecimal weight, Optional<KpiValue> value, Optional<Band> band) {

    /**
     * Validates the line.
     *
     * @param kpi the KPI
     * @param weight the line's weight, positive
     * @param value the KPI's value for the period, empty when there is none
     * @param band the band the value falls in; present exactly when the value has a value
     * @throws InvalidArgumentException when an argument is null, the weight is not positive, the
     *     value is another KPI's, or the band is present without a value (or missing with one)
     */
    public KpiScore {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(weight, "weight");
        Require.that(weight.signum() > 0, "weight", () -> "must be positive, was " + weight);
        Require.nonNull(value, "value");
        Require.nonNull(band, "band");
        value.ifPresent(v -> Require.same(kpi, v.kpi(), "value.kpi"));
        boolean valued = value.map(KpiValue::hasValue).orElse(false);
        Require.that(valued == band.isPresent(), "band", "must be present exactly when the line has a value");
    }

    /**
     * Whether the line has a value, and so counts towards the score.
     *
     * @return true when the KPI had a value for the period
     */
    public boolean isComplete() {
        return band.isPresent();
    }
}
