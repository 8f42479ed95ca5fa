package dev.keyline.domain.account.archfixture;

import dev.keyline.domain.billing.ArrearsAgeing;

/**
 * A deliberate violation, kept in test sources only: a key-account class that reads billing's
 * arrears ageing itself, instead of taking arrears as churn observations.
 */
public final class PlantedAccountReachingIntoBilling {

    private PlantedAccountReachingIntoBilling() {
    }

    /** Whether an ageing shows arrears, straight from the key-account area. */
    static boolean owes(ArrearsAgeing ageing) {
        return ageing.total().isPositive();
    }
}
