package dev.keyline.domain.budget;

/** The kind of spending a budget line covers. */
public enum LineKind {
    /** Capital expenditure: network construction and other investment (资本性支出). */
    CAPEX,
    /** Operating expenditure: maintenance, rent, marketing and other running costs (成本性支出). */
    OPEX
}
