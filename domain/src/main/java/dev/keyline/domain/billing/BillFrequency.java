package dev.keyline.domain.billing;

/** How often the customer is billed. */
public enum BillFrequency {
    /** Once a month. */
    MONTHLY,
    /** Once a quarter. */
    QUARTERLY,
    /** Once per project, for the projects named in the preferences. */
    PER_PROJECT
}
