package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The id of a {@link KpiStanding}: one KPI for one organisation unit. Its text form is
 * {@code kpi:unit}, such as {@code churn-rate:key-account-department}.
 *
 * @param kpi the KPI
 * @param unit the organisation unit
 */
public record KpiStandingId(KpiId kpi, KpiUnit unit) implements Identifier {

    /**
     * Validates the id.
     *
     * @throws InvalidArgumentException when an argument is null
     */
    public KpiStandingId {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
    }

    /**
     * The text form {@code kpi:unit}.
     *
     * @return the text
     */
    @Override
    public String value() {
        return kpi.value() + ":" + unit.value();
    }

    /**
     * Reads the text form {@code kpi:unit}.
     *
     * @param text the text
     * @return the id
     * @throws InvalidArgumentException naming {@code kpiStandingId} when the text is null or malformed
     */
    public static KpiStandingId parse(String text) {
        Require.nonBlank(text, "kpiStandingId");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidArgumentException("kpiStandingId", "must be kpi:unit, was '" + text + "'");
        }
        try {
            return new KpiStandingId(new KpiId(text.substring(0, colon)), new KpiUnit(text.substring(colon + 1)));
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("kpiStandingId", "must be kpi:unit, was '" + text + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return value();
    }
}
