package dev.keyline.domain.priority;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ServicePriority;

import java.math.BigDecimal;

/**
 * One row of the host's {@link ServiceTierTable}: the ranks {@code fromRank} to {@code toRank}
 * (both inclusive) get a tier with factors on their provisioning and fault targets, for example
 * ranks 1–10 → PLATINUM, × 0.5 and × 0.5.
 *
 * @param tier the tier's name, not blank, at most {@link ServicePriority#MAX_TIER_LENGTH} characters
 * @param fromRank the first rank of the band, at least 1
 * @param toRank the last rank of the band, not below {@code fromRank}
 * @param provisioningFactor the factor on provisioning stage durations, in (0, 1]
 * @param faultFactor the factor on fault-ticket clock targets, in (0, 1]
 */
public record ServiceTierBand(String tier, int fromRank, int toRank, BigDecimal provisioningFactor,
        BigDecimal faultFactor) {

    /**
     * Validates the band.
     *
     * @param tier the tier's name, not blank, at most {@link ServicePriority#MAX_TIER_LENGTH} characters
     * @param fromRank the first rank of the band, at least 1
     * @param toRank the last rank of the band, not below {@code fromRank}
     * @param provisioningFactor the factor on provisioning stage durations, in (0, 1]
     * @param faultFactor the factor on fault-ticket clock targets, in (0, 1]
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when the tier
     *     is blank or too long, a rank is out of order, or a factor is null or outside (0, 1]
     */
    public ServiceTierBand {
        Require.text(tier, "tier", ServicePriority.MAX_TIER_LENGTH);
        Require.that(fromRank >= 1, "fromRank", () -> "must be at least 1, was " + fromRank);
        Require.that(toRank >= fromRank, "toRank", () -> "must not be below fromRank " + fromRank + ", was " + toRank);
        Require.that(toRank < ServicePriority.UNRANKED, "toRank", () -> "must be below " + ServicePriority.UNRANKED);
        Require.nonNull(provisioningFactor, "provisioningFactor");
        Require.that(provisioningFactor.signum() > 0 && provisioningFactor.compareTo(BigDecimal.ONE) <= 0,
                "provisioningFactor", () -> "must lie in (0, 1] but was " + provisioningFactor.toPlainString());
        Require.nonNull(faultFactor, "faultFactor");
        Require.that(faultFactor.signum() > 0 && faultFactor.compareTo(BigDecimal.ONE) <= 0,
                "faultFactor", () -> "must lie in (0, 1] but was " + faultFactor.toPlainString());
    }

    /**
     * Whether a rank falls in the band.
     *
     * @param rank the rank
     * @return true when {@code fromRank <= rank <= toRank}
     */
    public boolean covers(int rank) {
        return rank >= fromRank && rank <= toRank;
    }
}
