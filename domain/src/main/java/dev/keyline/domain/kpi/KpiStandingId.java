package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The id of a {@link KpiStanding}: one KPI for one organisation unit, written {@code kpi:unit},
 * such as {@code churn-rate:key-account-department}. So that it reads back unambiguously, the KPI's
 * id holds no colon: the text splits at its first colon.
 *
 * @param value the text {@code kpi:unit}, at most {@value dev.keyline.domain.common.Limits#ID_LENGTH} characters
 */
public record KpiStandingId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the text {@code kpi:unit}, at most {@value dev.keyline.domain.common.Limits#ID_LENGTH} characters
     * @throws InvalidArgumentException naming {@code kpiStandingId} when the text is not a valid
     *     identifier or not a KPI id and a unit id joined by a colon
     */
    public KpiStandingId {
        Identifier.check(value, "kpiStandingId");
        int colon = value.indexOf(':');
        Require.that(colon > 0 && colon < value.length() - 1, "kpiStandingId", () -> "must be kpi:unit, was '" + value + "'");
    }

    /**
     * The id of one KPI's standing for one unit.
     *
     * @param kpi the KPI, whose id holds no colon
     * @param unit the organisation unit
     * @return the id
     * @throws InvalidArgumentException when an argument is null, the KPI's id holds a colon, or the
     *     text {@code kpi:unit} is longer than an id may be
     */
    public static KpiStandingId of(KpiId kpi, KpiUnit unit) {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.that(kpi.value().indexOf(':') < 0, "kpi", () -> "must not hold a colon in a standing's id, was '" + kpi + "'");
        return new KpiStandingId(kpi.value() + ":" + unit.value());
    }

    /**
     * The KPI.
     *
     * @return the text before the first colon
     */
    public KpiId kpi() {
        return new KpiId(value.substring(0, value.indexOf(':')));
    }

    /**
     * The organisation unit.
     *
     * @return the text after the first colon
     */
    public KpiUnit unit() {
        return new KpiUnit(value.substring(value.indexOf(':') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
