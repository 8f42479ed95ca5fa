package dev.keyline.runtime.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The CAPEX projects accepted (竣工验收) in a period: the inputs of the acceptance-compliance KPI
 * and of CAPEX per line.
 *
 * @param period the period
 * @param accepted how many projects were accepted in it
 * @param firstTimeRight how many of them passed at the first inspection
 * @param linesAdded the lines they added to service
 */
public record CapexAcceptances(Period period, long accepted, long firstTimeRight, long linesAdded) {

    /**
     * Validates the counts.
     *
     * @param period the period
     * @param accepted how many projects were accepted in it
     * @param firstTimeRight how many of them passed at the first inspection
     * @param linesAdded the lines they added to service
     * @throws InvalidArgumentException naming the component that is null or negative, or
     *     {@code firstTimeRight} when it exceeds {@code accepted}
     */
    public CapexAcceptances {
        Require.nonNull(period, "period");
        Require.nonNegative(accepted, "accepted");
        Require.nonNegative(firstTimeRight, "firstTimeRight");
        Require.nonNegative(linesAdded, "linesAdded");
        Require.that(firstTimeRight <= accepted, "firstTimeRight", () -> "must be at most the " + accepted
                + " accepted, was " + firstTimeRight);
    }

    /**
     * The acceptance-compliance rate: first-time-right acceptances over acceptances, to six decimals.
     *
     * @return the rate, or empty when nothing was accepted in the period
     */
    public Optional<BigDecimal> complianceRate() {
        return accepted == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(firstTimeRight).divide(BigDecimal.valueOf(accepted), 6, RoundingMode.HALF_EVEN));
    }
}
