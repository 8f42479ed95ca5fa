package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;

/**
 * How a KPI's value is obtained: an explicit description of the formula, whether it is a ratio or
 * a single value, and whether Keyline computes it or the host measures it.
 *
 * @param description the formula in words, such as {@code work orders completed by their committed
 *     time / work orders completed in the period}; 1 to {@value Limits#TEXT_LENGTH} characters
 * @param kind ratio or value
 * @param source computed or measured
 */
public record KpiFormula(String description, KpiFormulaKind kind, KpiSource source) {

    /**
     * Validates the formula.
     *
     * @param description the formula in words, such as {@code work orders completed by their committed time / work orders completed in the period}; 1 to {@value Limits#TEXT_LENGTH} characters
     * @param kind ratio or value
     * @param source computed or measured
     * @throws InvalidArgumentException when an argument is null or the description is blank or too long
     */
    public KpiFormula {
        Require.text(description, "description", Limits.TEXT_LENGTH);
        Require.nonNull(kind, "kind");
        Require.nonNull(source, "source");
    }

    /**
     * A ratio Keyline computes.
     *
     * @param description the formula in words
     * @return the formula
     * @throws InvalidArgumentException when the description is null, blank or too long
     */
    public static KpiFormula computedRatio(String description) {
        return new KpiFormula(description, KpiFormulaKind.RATIO, KpiSource.COMPUTED);
    }

    /**
     * A ratio the host measures.
     *
     * @param description the formula in words
     * @return the formula
     * @throws InvalidArgumentException when the description is null, blank or too long
     */
    public static KpiFormula measuredRatio(String description) {
        return new KpiFormula(description, KpiFormulaKind.RATIO, KpiSource.MEASURED);
    }

    /**
     * A single value the host measures.
     *
     * @param description what the value is
     * @return the formula
     * @throws InvalidArgumentException when the description is null, blank or too long
     */
    public static KpiFormula measuredValue(String description) {
        return new KpiFormula(description, KpiFormulaKind.VALUE, KpiSource.MEASURED);
    }
}
