package dev.keyline.domain.kpi;

/**
 * The unit of measure of a KPI's values (called "measure" because {@link KpiUnit} names the
 * organisation unit).
 */
public enum KpiMeasure {

    /** A dimensionless ratio, such as 0.9500 for 95 %; a ratio against a budget may exceed 1. */
    RATIO("ratio"),

    /** A percentage from 0 to 100. */
    PERCENT("%"),

    /** A count of events or items. */
    COUNT("count"),

    /** An amount of money in the host's currency. */
    MONEY("money"),

    /** An amount of money per line in service. */
    MONEY_PER_LINE("money per line"),

    /** A survey or assessment score from 0 to 100. */
    SCORE("score 0-100");

    private final String label;

    KpiMeasure(String label) {
        this.label = label;
    }

    /**
     * The measure as the catalogue's documentation prints it.
     *
     * @return the label, such as {@code money per line}
     */
    public String label() {
        return label;
    }
}
