package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One period's value of a KPI for a unit, and the band it fell in when it was recorded.
 *
 * @param period the period
 * @param value the value, not negative
 * @param band the band
 * @param recordedAt when it was recorded
 */
public record KpiStandingEntry(Period period, BigDecimal value, Band band, Instant recordedAt) {

    /**
     * Validates the entry.
     *
     * @param period the period
     * @param value the value, not negative
     * @param band the band
     * @param recordedAt when it was recorded
     * @throws InvalidArgumentException when an argument is null or the value is negative
     */
    public KpiStandingEntry {
        Require.nonNull(period, "period");
        Require.nonNegative(value, "value");
        Require.nonNull(band, "band");
        Require.nonNull(recordedAt, "recordedAt");
    }
}
