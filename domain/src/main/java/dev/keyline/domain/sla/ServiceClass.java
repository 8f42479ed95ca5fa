package dev.keyline.domain.sla;

/**
 * The service classes of an SLA (服务等级), from the fastest and dearest {@link #A} to the slowest
 * and cheapest {@link #E}. Their days, price index and limit are the host's
 * {@link ServiceClassTable}.
 */
public enum ServiceClass {
    /** Class A: by default 2 days, 2.0×, at most 1 a calendar month. */
    A,
    /** Class B: by default 4 days, 1.4×, at most 10 an SLA period. */
    B,
    /** Class C: by default 6 days, 1.0×, at most 20 an SLA period. */
    C,
    /** Class D: by default 8 days, 0.9×, unlimited. */
    D,
    /** Class E: by default 10 days, 0.8×, unlimited. */
    E
}
