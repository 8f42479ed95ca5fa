package dev.keyline.domain.kpi;

/**
 * Where a KPI's values come from: computed by Keyline from its own facts, or measured, an input the
 * host records (for example the call completion rate or customer satisfaction).
 */
public enum KpiSource {

    /** Computed by Keyline from the facts of its areas. */
    COMPUTED,

    /** Measured outside Keyline; the host records each period's value. */
    MEASURED
}
