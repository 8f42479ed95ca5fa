package dev.keyline.runtime.kpi;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.util.OptionalLong;

/**
 * The host's count of lines in service at a period's end, the denominator of CAPEX per line. No
 * area of Keyline stores lines in service (they live in the operator's inventory of circuits), so
 * {@link KpiService} asks the host for them when it computes a period; without a count, CAPEX per
 * line has no value. The count is one of the period's facts: it is in the stored result's hash.
 */
@FunctionalInterface
public interface LinesInService {

    /**
     * The lines in service at a period's end.
     *
     * @param period the period
     * @return the count, not negative; empty when the host has none for the period
     * @throws dev.keyline.domain.common.InvalidArgumentException when the period is null
     */
    OptionalLong atEndOf(Period period);

    /**
     * No count for any period: CAPEX per line has no value.
     *
     * @return the host input that knows no count
     */
    static LinesInService unknown() {
        return period -> {
            Require.nonNull(period, "period");
            return OptionalLong.empty();
        };
    }
}
