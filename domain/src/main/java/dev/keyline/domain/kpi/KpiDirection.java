package dev.keyline.domain.kpi;

/** Whether a larger or a smaller value of a KPI is better. */
public enum KpiDirection {

    /** A larger value is better, as for a compliance rate. */
    HIGHER_IS_BETTER,

    /** A smaller value is better, as for a churn rate. */
    LOWER_IS_BETTER;

    /**
     * Whether value {@code a} is strictly better than value {@code b} in this direction.
     *
     * @param a a value
     * @param b another value
     * @return true when {@code a} is better than {@code b}
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null
     */
    public boolean isBetter(java.math.BigDecimal a, java.math.BigDecimal b) {
        dev.keyline.domain.common.Require.nonNull(a, "a");
        dev.keyline.domain.common.Require.nonNull(b, "b");
        int c = a.compareTo(b);
        return this == HIGHER_IS_BETTER ? c > 0 : c < 0;
    }
}
