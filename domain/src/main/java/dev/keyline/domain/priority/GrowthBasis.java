package dev.keyline.domain.priority;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;

/**
 * What a period's revenue growth is measured against.
 */
public enum GrowthBasis {
    /** The same period a year earlier (2026-Q1 against 2025-Q1): free of seasons; the default. */
    SAME_PERIOD_LAST_YEAR,
    /** The period just before (2026-Q1 against 2025-Q4). */
    PREVIOUS_PERIOD;

    /**
     * The period a period's growth is measured against.
     *
     * @param period the period ranked
     * @return the base period, of the same granularity
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code period} is null or the
     *     base would lie before the year 1
     */
    public Period baseOf(Period period) {
        Require.nonNull(period, "period");
        return switch (this) {
            case SAME_PERIOD_LAST_YEAR -> new Period(period.granularity(), period.firstMonth().minusYears(1));
            case PREVIOUS_PERIOD -> period.previous();
        };
    }
}
