package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One amendment of an SLA (调整): a product's agreed monthly volumes from a month on, with the
 * reason, who asked and who approved. Months before {@code effectiveFrom} had begun when it was
 * made and keep their volumes.
 *
 * @param number its number, 1 for the first amendment
 * @param product the product whose volumes change
 * @param effectiveFrom the first month that may differ
 * @param monthlyVolumes the product's volumes for every month of the SLA period after the amendment
 * @param reason why, free text
 * @param requestedBy who asked for it
 * @param approvedBy who approved it
 * @param amendedAt when
 */
public record Amendment(int number, ProductCode product, YearMonth effectiveFrom, List<Integer> monthlyVolumes,
        String reason, UserId requestedBy, UserId approvedBy, Instant amendedAt) {

    /**
     * Validates the amendment.
     *
     * @param number its number, 1 for the first amendment
     * @param product the product whose volumes change
     * @param effectiveFrom the first month that may differ
     * @param monthlyVolumes the product's volumes for every month of the SLA period after the amendment
     * @param reason why, free text
     * @param requestedBy who asked for it
     * @param approvedBy who approved it
     * @param amendedAt when
     * @throws InvalidArgumentException naming the component when one is null, the number is not
     *     positive, a volume is out of range or the reason is blank or too long
     */
    public Amendment {
        Require.positive(number, "number");
        Require.nonNull(product, "product");
        Require.nonNull(effectiveFrom, "effectiveFrom");
        monthlyVolumes = ServiceAgreement.volumes(monthlyVolumes, "monthlyVolumes");
        Require.text(reason, "reason");
        Require.nonNull(requestedBy, "requestedBy");
        Require.nonNull(approvedBy, "approvedBy");
        Require.nonNull(amendedAt, "amendedAt");
    }
}
