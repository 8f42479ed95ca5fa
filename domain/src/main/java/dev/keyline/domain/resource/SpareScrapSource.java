package dev.keyline.domain.resource;

/** Where scrapped spare parts (报废) are taken from. */
public enum SpareScrapSource {
    /** Good units on hand that are not reserved (for example obsolete or damaged in store). */
    ON_HAND,
    /** Faulty units under repair that cannot be repaired. */
    UNDER_REPAIR
}
