package dev.keyline.domain.budget;

/** Which amount of a budget line a document would exceed. */
public enum OverrunLimit {
    /** The line's issued annual amount. */
    ANNUAL,
    /**
     * The issued amount phased to the document's month: the annual amount split into twelve equal
     * monthly parts (to the cent, by {@link dev.keyline.domain.common.Money#allocate(int)}) and
     * accumulated from the first month of the fiscal year to the document's month.
     */
    PERIOD
}
