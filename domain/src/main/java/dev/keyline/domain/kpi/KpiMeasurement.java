package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A measured KPI's value for one organisation unit and period, as the host recorded it (for
 * example the call completion rate or customer satisfaction). Recordings are kept with their
 * history: the first is revision 1, and a correction is a new recording with the next revision,
 * which replaces the earlier one as the value that counts while the earlier one stays on record.
 *
 * @param kpi the KPI
 * @param unit the organisation unit
 * @param period the period the value is for
 * @param value the value, not negative
 * @param revision 1 for the first recording of the KPI, unit and period, then 2, 3, ...
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded
 */
public record KpiMeasurement(KpiId kpi, KpiUnit unit, Period period, BigDecimal value, int revision,
        UserId recordedBy, Instant recordedAt) {

    /**
     * Validates the recording.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period the value is for
     * @param value the value, not negative
     * @param revision 1 for the first recording of the KPI, unit and period, then 2, 3, ...
     * @param recordedBy who recorded it
     * @param recordedAt when it was recorded
     * @throws InvalidArgumentException when an argument is null, the value is negative or has more
     *     than {@value KpiValue#SCALE} decimals or {@value KpiResult#VALUE_PRECISION} digits, or the
     *     revision is below 1
     */
    public KpiMeasurement {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNegative(value, "value");
        if (value.stripTrailingZeros().scale() > KpiValue.SCALE) {
            throw new InvalidArgumentException("value", "must have at most " + KpiValue.SCALE + " decimals, was "
                    + value.toPlainString());
        }
        value = value.setScale(KpiValue.SCALE);
        if (value.precision() > KpiResult.VALUE_PRECISION) {
            throw new InvalidArgumentException("value", "must have at most " + KpiResult.VALUE_PRECISION
                    + " digits, was " + value.toPlainString());
        }
        Require.positive(revision, "revision");
        Require.nonNull(recordedBy, "recordedBy");
        Require.nonNull(recordedAt, "recordedAt");
    }

    /**
     * The recording as a KPI value: itself as numerator, 1 as denominator.
     *
     * @return the value
     */
    public KpiValue asValue() {
        return KpiValue.measured(kpi, period, value);
    }
}
