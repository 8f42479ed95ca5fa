package dev.keyline.domain.resource;

/** Which construction a shortfall of units asks for ({@link InvestmentRequested}). */
public enum InvestmentKind {
    /** Rolling investment (滚动投资): planned construction for a forecast demand or an SLA. */
    ROLLING,
    /** Emergency construction (紧急建设): an order is waiting for the units. */
    EMERGENCY
}
