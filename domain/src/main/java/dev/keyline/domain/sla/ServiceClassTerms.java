package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * What one service class promises and costs: the days to provision (counted through the business
 * calendar), the price index applied to the agreement's unit price, and how many orders of the
 * class an SLA takes per product in its limit window.
 *
 * @param serviceClass the class
 * @param days the provisioning time in days, 0 to {@value #MAX_DAYS}
 * @param priceIndex the factor on the unit price, above 0, at most
 *     {@value dev.keyline.domain.common.Limits#RATIO_SCALE} decimals
 * @param window over what the limit counts; {@link LimitWindow#NONE} for an unlimited class
 * @param limit the most orders per window, at least 1; 0 exactly when the class is unlimited
 */
public record ServiceClassTerms(ServiceClass serviceClass, int days, BigDecimal priceIndex, LimitWindow window,
        int limit) {

    /** The longest provisioning time. */
    public static final int MAX_DAYS = 366;

    /**
     * Validates the terms.
     *
     * @param serviceClass the class
     * @param days the provisioning time in days, 0 to {@value #MAX_DAYS}
     * @param priceIndex the factor on the unit price, above 0, at most {@value dev.keyline.domain.common.Limits#RATIO_SCALE} decimals
     * @param window over what the limit counts; {@link LimitWindow#NONE} for an unlimited class
     * @param limit the most orders per window, at least 1; 0 exactly when the class is unlimited
     * @throws InvalidArgumentException naming the component when one is null or out of range, or
     *     the limit does not fit the window
     */
    public ServiceClassTerms {
        Require.nonNull(serviceClass, "serviceClass");
        Require.that(days >= 0 && days <= MAX_DAYS, "days", () -> "must be between 0 and " + MAX_DAYS + " but was " + days);
        Limits.ratio(priceIndex, "priceIndex");
        Require.that(priceIndex.signum() > 0, "priceIndex", () -> "must be above 0 but was " + priceIndex.toPlainString());
        Require.nonNull(window, "window");
        if (window == LimitWindow.NONE) {
            Require.that(limit == 0, "limit", () -> "must be 0 for an unlimited class but was " + limit);
        } else {
            Require.that(limit >= 1 && limit <= ServiceAgreement.MAX_VOLUME, "limit",
                    () -> "must be between 1 and " + ServiceAgreement.MAX_VOLUME + " for a limited class but was " + limit);
        }
    }

    /**
     * An unlimited class.
     *
     * @param serviceClass the class
     * @param days the provisioning time in days
     * @param priceIndex the factor on the unit price
     * @return the terms
     * @throws InvalidArgumentException as the constructor
     */
    public static ServiceClassTerms unlimited(ServiceClass serviceClass, int days, BigDecimal priceIndex) {
        return new ServiceClassTerms(serviceClass, days, priceIndex, LimitWindow.NONE, 0);
    }

    /**
     * Whether the class has a limit.
     *
     * @return true unless the window is {@link LimitWindow#NONE}
     */
    public boolean isLimited() {
        return window != LimitWindow.NONE;
    }
}
