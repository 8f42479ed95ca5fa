package dev.keyline.domain.kpi;

/** Whether a KPI's formula is a ratio of two sums or a single value (a count, a score, an amount). */
public enum KpiFormulaKind {

    /** A numerator divided by a denominator; no value when the denominator is zero. */
    RATIO,

    /** A value on its own, with 1 as its denominator. */
    VALUE
}
