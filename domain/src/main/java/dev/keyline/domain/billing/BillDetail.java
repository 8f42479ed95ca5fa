package dev.keyline.domain.billing;

/** The level of detail of a bill, from least to most. */
public enum BillDetail {
    /** Totals per service only. */
    SUMMARY,
    /** One line per charge. */
    ITEMISED,
    /** One line per charge and the call detail records (详单). */
    ITEMISED_WITH_CALL_DETAIL
}
