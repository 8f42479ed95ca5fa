package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;

/**
 * One party's weight in a cost split, for example a marketing department's agreed volume of a
 * product ({@code group} 5 circuits) or its percentage ({@code public} 80). Weights are relative:
 * only their ratios to the other parties' weights matter.
 *
 * @param party the party's name, such as {@code group}, {@code business} or {@code public}: not
 *     blank, at most {@value Limits#NAME_LENGTH} characters
 * @param weight the party's weight, positive, any number of decimals
 */
public record AllocationShare(String party, BigDecimal weight) {

    /**
     * Validates the share.
     *
     * @param party the party's name, such as {@code group}, {@code business} or {@code public}: not blank, at most {@value Limits#NAME_LENGTH} characters
     * @param weight the party's weight, positive, any number of decimals
     * @throws InvalidArgumentException naming {@code party} when it is null, blank or too long, or
     *     naming {@code weight} when it is null, zero or negative
     */
    public AllocationShare {
        Require.text(party, "party", Limits.NAME_LENGTH);
        Require.nonNull(weight, "weight");
        Require.that(weight.signum() > 0, "weight", () -> "of " + party + " must be positive, was " + weight.toPlainString());
    }
}
