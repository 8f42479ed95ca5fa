package dev.keyline.domain.budget;

/** What a {@link CapexProject} is built for (the seed's construction plan, 建设计划). */
public enum CapexKind {
    /** Rolling investment (滚动投资): planned construction for forecast demand. */
    ROLLING,
    /** Strategic construction from the five-year plan. */
    STRATEGIC,
    /** Emergency construction (紧急建设): an order waits for the capacity. */
    EMERGENCY,
    /** Construction for a new product. */
    NEW_PRODUCT
}
