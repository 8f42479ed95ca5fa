package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The general and governing terms of an SLA (通用条款, 管理条款) as structured fields.
 *
 * @param liability who is liable for what (责任)
 * @param applicableLaw the law that governs the SLA (适用法律)
 * @param procedures how orders, changes and disputes are handled, and payment (程序)
 * @param confidentiality what is kept confidential (保密)
 * @param thirdPartyPurchasingAllowed whether marketing may buy the services from third parties
 * @param pricingMethod how prices are set
 */
public record SlaTerms(String liability, String applicableLaw, String procedures, String confidentiality,
        boolean thirdPartyPurchasingAllowed, PricingMethod pricingMethod) {

    /**
     * Validates the terms.
     *
     * @param liability who is liable for what (责任)
     * @param applicableLaw the law that governs the SLA (适用法律)
     * @param procedures how orders, changes and disputes are handled, and payment (程序)
     * @param confidentiality what is kept confidential (保密)
     * @param thirdPartyPurchasingAllowed whether marketing may buy the services from third parties
     * @param pricingMethod how prices are set
     * @throws InvalidArgumentException naming the component when a text is null, blank or too long,
     *     or the pricing method is null
     */
    public SlaTerms {
        Require.text(liability, "liability");
        Require.text(applicableLaw, "applicableLaw");
        Require.text(procedures, "procedures");
        Require.text(confidentiality, "confidentiality");
        Require.nonNull(pricingMethod, "pricingMethod");
    }
}
