package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * A configured share of a line's issued amount that its commitments and actuals have reached; kept
 * so that {@link BudgetShareReached} is raised only once per line and share.
 *
 * @param line the line
 * @param share the share, held at {@link Limits#RATIO_SCALE} decimals
 */
public record ReachedShare(BudgetLineId line, BigDecimal share) {

    /**
     * Validates the share and brings it to the stored scale.
     *
     * @param line the line
     * @param share the share, held at {@link Limits#RATIO_SCALE} decimals
     * @throws InvalidArgumentException naming the component when one is null or the share does not fit
     */
    public ReachedShare {
        Require.nonNull(line, "line");
        share = Limits.ratio(share, "share");
    }
}
