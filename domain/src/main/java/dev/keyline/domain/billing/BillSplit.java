package dev.keyline.domain.billing;

/** Whether a customer gets one bill or one per branch. */
public enum BillSplit {
    /** One consolidated bill for the whole customer (合并账单). */
    CONSOLIDATED,
    /** One bill per branch named in the preferences (分支机构分账). */
    PER_BRANCH
}
