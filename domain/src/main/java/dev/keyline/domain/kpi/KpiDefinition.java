package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One KPI of the catalogue: its id and names, its formula, unit of measure, direction, target and
 * band limits, the period it is assessed over and the owner who answers for it.
 *
 * <p>A KPI the seed names under several organisation units has one definition, owned by one unit;
 * each other unit is scored on it through its scorecards.
 *
 * @param id the KPI's id
 * @param chineseName the seed's own name, such as {@code 市场响应达标率}; 1 to {@value Limits#NAME_LENGTH} characters
 * @param englishName the English name; 1 to {@value Limits#NAME_LENGTH} characters
 * @param formula the formula, its kind and source
 * @param measure the unit of measure of its values
 * @param thresholds the direction, target with comparison, and amber and red limits
 * @param granularity the period it is assessed over: month, quarter or year
 * @param zone the time zone whose local midnights bound its periods
 * @param owner the role that answers for the KPI
 * @param unit the organisation unit that owns it
 */
public record KpiDefinition(KpiId id, String chineseName, String englishName, KpiFormula formula, KpiMeasure measure,
        KpiThresholds thresholds, Period.Granularity granularity, ZoneId zone, Role owner, KpiUnit unit) {

    /**
     * Validates the definition.
     *
     * @param id the KPI's id
     * @param chineseName the seed's own name, such as {@code 市场响应达标率}; 1 to {@value Limits#NAME_LENGTH} characters
     * @param englishName the English name; 1 to {@value Limits#NAME_LENGTH} characters
     * @param formula the formula, its kind and source
     * @param measure the unit of measure of its values
     * @param thresholds the direction, target with comparison, and amber and red limits
     * @param granularity the period it is assessed over: month, quarter or year
     * @param zone the time zone whose local midnights bound its periods
     * @param owner the role that answers for the KPI
     * @param unit the organisation unit that owns it
     * @throws InvalidArgumentException naming the field when an argument is null, a name is blank or
     *     too long, the Chinese name holds no Chinese character, a computed KPI's id is not one of
     *     {@link ComputedKpi} or {@link StageOnTimeComputation#KPI}, or a percentage or score limit exceeds 100
     */
    public KpiDefinition {
        Require.nonNull(id, "id");
        Require.text(chineseName, "chineseName", Limits.NAME_LENGTH);
        Require.that(chineseName.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "chineseName", () -> "must hold the seed's Chinese name, was '" + chineseName + "'");
        Require.text(englishName, "englishName", Limits.NAME_LENGTH);
        Require.nonNull(formula, "formula");
        Require.nonNull(measure, "measure");
        Require.nonNull(thresholds, "thresholds");
        Require.nonNull(granularity, "granularity");
        Require.nonNull(zone, "zone");
        Require.nonNull(owner, "owner");
        Require.nonNull(unit, "unit");
        boolean computable = ComputedKpi.byId(id).isPresent() || StageOnTimeComputation.KPI.equals(id);
        Require.that(formula.source() != KpiSource.COMPUTED || computable, "formula.source",
                () -> "must be MEASURED for " + id + ", which Keyline does not compute");
        if (measure == KpiMeasure.PERCENT || measure == KpiMeasure.SCORE) {
            BigDecimal hundred = BigDecimal.valueOf(100);
            for (BigDecimal limit : new BigDecimal[] {thresholds.target(), thresholds.amberLimit(), thresholds.redLimit()}) {
                Require.that(limit.compareTo(hundred) <= 0, "thresholds",
                        () -> "must lie between 0 and 100 for a " + measure + ", was " + limit.toPlainString());
            }
        }
    }

    /**
     * Whether a larger or smaller value is better.
     *
     * @return the thresholds' direction
     */
    public KpiDirection direction() {
        return thresholds.direction();
    }

    /**
     * Whether Keyline computes the KPI from its own facts.
     *
     * @return true when the formula's source is {@link KpiSource#COMPUTED}
     */
    public boolean isComputed() {
        return formula.source() == KpiSource.COMPUTED;
    }

    /**
     * The band of a value of this KPI.
     *
     * @param value the value
     * @return the band
     * @throws InvalidArgumentException when {@code value} is null
     */
    public Band band(BigDecimal value) {
        return thresholds.band(value);
    }

    /**
     * The band of one period's value of this KPI; a value without a value (an empty denominator, or
     * nothing recorded) has no band.
     *
     * @param value the value
     * @return the band, empty when the value has none
     * @throws InvalidArgumentException when {@code value} is null or is another KPI's
     */
    public Optional<Band> band(KpiValue value) {
        Require.nonNull(value, "value");
        Require.same(id, value.kpi(), "value.kpi");
        return value.value().map(thresholds::band);
    }

    /**
     * Whether one period's value meets the target.
     *
     * @param value the value
     * @return true when the value has a value that meets the target
     * @throws InvalidArgumentException when {@code value} is null or is another KPI's
     */
    public boolean meetsTarget(KpiValue value) {
        Require.nonNull(value, "value");
        Require.same(id, value.kpi(), "value.kpi");
        return value.value().map(thresholds::meetsTarget).orElse(false);
    }

    /**
     * This definition with other thresholds: a host's own target and limits.
     *
     * @param thresholds the thresholds
     * @return the changed definition
     * @throws InvalidArgumentException when {@code thresholds} is null or does not suit the measure
     */
    public KpiDefinition withThresholds(KpiThresholds thresholds) {
        return new KpiDefinition(id, chineseName, englishName, formula, measure, thresholds, granularity, zone,
                owner, unit);
    }

    /**
     * This definition assessed over other periods.
     *
     * @param granularity month, quarter or year
     * @param zone the time zone of the periods' boundaries
     * @return the changed definition
     * @throws InvalidArgumentException when an argument is null
     */
    public KpiDefinition withPeriod(Period.Granularity granularity, ZoneId zone) {
        return new KpiDefinition(id, chineseName, englishName, formula, measure, thresholds, granularity, zone,
                owner, unit);
    }

    /**
     * This definition with another owner.
     *
     * @param owner the role that answers for the KPI
     * @param unit the organisation unit that owns it
     * @return the changed definition
     * @throws InvalidArgumentException when an argument is null
     */
    public KpiDefinition withOwner(Role owner, KpiUnit unit) {
        return new KpiDefinition(id, chineseName, englishName, formula, measure, thresholds, granularity, zone,
                owner, unit);
    }
}
