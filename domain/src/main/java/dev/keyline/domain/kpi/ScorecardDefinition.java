package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scorecard: the weighted KPIs one role in one organisation unit is assessed (考核) on.
 *
 * <p>Applying it to a period's values: each line's value is banded by its KPI's definition; the
 * line earns the {@link BandPoints} of its band; the score is the weighted mean of the lines'
 * points, {@code Σ(weight × points) / Σ weight}, rounded half-even to {@value #SCORE_SCALE}
 * decimals, so it lies from 0 to 100. Weights are relative: they need not sum to 100, and doubling
 * every weight changes nothing. The score's band comes from the {@link ScoreThresholds}. When any
 * line has no value the result is incomplete: no score and no band.
 *
 * @param id the scorecard's id, such as {@code provisioning-account-manager}; 1 to {@value Limits#ID_LENGTH} characters
 * @param role the role assessed
 * @param unit the organisation unit assessed
 * @param lines the weighted KPIs, at least one, each KPI once
 * @param points the points per band
 * @param thresholds the score's band thresholds
 */
public record ScorecardDefinition(String id, Role role, KpiUnit unit, List<ScorecardLine> lines, BandPoints points,
        ScoreThresholds thresholds) {

    /** The decimals of a score. */
    public static final int SCORE_SCALE = 2;

    /**
     * Validates the scorecard.
     *
     * @param id the scorecard's id, such as {@code provisioning-account-manager}; 1 to {@value Limits#ID_LENGTH} characters
     * @param role the role assessed
     * @param unit the organisation unit assessed
     * @param lines the weighted KPIs, at least one, each KPI once
     * @param points the points per band
     * @param thresholds the score's band thresholds
     * @throws InvalidArgumentException naming the field when an argument is null, the id is not a
     *     valid identifier, there is no line, or a KPI appears twice
     */
    public ScorecardDefinition {
        Identifier.check(id, "id");
        Require.nonNull(role, "role");
        Require.nonNull(unit, "unit");
        lines = Require.nonNullElements(lines, "lines");
        Require.that(!lines.isEmpty(), "lines", "must hold at least one line");
        Require.that(lines.stream().map(ScorecardLine::kpi).distinct().count() == lines.size(), "lines",
                "must name each KPI once");
        Require.nonNull(points, "points");
        Require.nonNull(thresholds, "thresholds");
    }

    /**
     * A scorecard with the default points and score thresholds.
     *
     * @param id the id
     * @param role the role assessed
     * @param unit the unit assessed
     * @param lines the weighted KPIs
     * @return the scorecard
     * @throws InvalidArgumentException when an argument is invalid
     */
    public static ScorecardDefinition of(String id, Role role, KpiUnit unit, List<ScorecardLine> lines) {
        return new ScorecardDefinition(id, role, unit, lines, BandPoints.DEFAULT, ScoreThresholds.DEFAULT);
    }

    /**
     * The KPIs of the lines, in line order.
     *
     * @return the KPIs
     */
    public List<KpiId> kpis() {
        return lines.stream().map(ScorecardLine::kpi).toList();
    }

    /**
     * This scorecard with other points and thresholds.
     *
     * @param points the points per band
     * @param thresholds the score's band thresholds
     * @return the changed scorecard
     * @throws InvalidArgumentException when an argument is null
     */
    public ScorecardDefinition withScoring(BandPoints points, ScoreThresholds thresholds) {
        return new ScorecardDefinition(id, role, unit, lines, points, thresholds);
    }

    /**
     * Applies the scorecard to its own unit's values for one period.
     *
     * @param catalogue the catalogue whose definitions band the values
     * @param period the period
     * @param values the period's KPI values; those of KPIs not on the scorecard are ignored
     * @return the result
     * @throws InvalidArgumentException when an argument is null, a value is for another period, or a
     *     KPI has two values
     * @throws NotFoundException when a line's KPI is not in the catalogue
     */
    public ScorecardResult apply(KpiCatalogue catalogue, Period period, Collection<KpiValue> values) {
        return applyTo(catalogue, unit, period, values);
    }

    /**
     * Applies the scorecard to one assessed party for one period: a unit, or, for the four-level
     * provisioning scorecards, a person's or station's id as the unit, with the person's own
     * stage on-time rate among the values.
     *
     * @param catalogue the catalogue whose definitions band the values
     * @param assessed the unit (or person) assessed
     * @param period the period
     * @param values the period's KPI values for the assessed party; those of KPIs not on the scorecard are ignored
     * @return the result
     * @throws InvalidArgumentException when an argument is null, a value is for another period, or a
     *     KPI has two values
     * @throws NotFoundException when a line's KPI is not in the catalogue
     */
    public ScorecardResult applyTo(KpiCatalogue catalogue, KpiUnit assessed, Period period, Collection<KpiValue> values) {
        Require.nonNull(catalogue, "catalogue");
        Require.nonNull(assessed, "assessed");
        Require.nonNull(period, "period");
        List<KpiValue> given = Require.nonNullElements(values, "values");
        Map<KpiId, KpiValue> byKpi = new HashMap<>();
        for (KpiValue value : given) {
            if (!period.equals(value.period())) {
                Require.same(period, value.period(), "values[" + value.kpi() + "].period");
            }
            Require.that(byKpi.put(value.kpi(), value) == null, "values", () -> "must hold one value per KPI, "
                    + value.kpi() + " has two");
        }
        List<KpiScore> scores = new ArrayList<>();
        Map<KpiId, BigDecimal> linePoints = new HashMap<>();
        for (ScorecardLine line : lines) {
            KpiDefinition definition = catalogue.get(line.kpi());
            Optional<KpiValue> value = Optional.ofNullable(byKpi.get(line.kpi()));
            Optional<Band> band = value.flatMap(definition::band);
            band.ifPresent(b -> linePoints.put(line.kpi(), points.points(b)));
            scores.add(new KpiScore(line.kpi(), line.weight(), value, band));
        }
        Optional<BigDecimal> score = linePoints.size() == lines.size() ? Optional.of(score(linePoints)) : Optional.empty();
        return new ScorecardResult(id, role, assessed, period, scores, score, score.map(thresholds::band));
    }

    /**
     * The score of given points per line: {@code Σ(weight × points) / Σ weight}, rounded half-even
     * to {@value #SCORE_SCALE} decimals.
     *
     * @param linePoints each line's points, from 0 to 100, for every line of the scorecard
     * @return the score, from 0 to 100
     * @throws InvalidArgumentException when the map is null, misses a line, or a points value is
     *     null or outside 0..100
     */
    public BigDecimal score(Map<KpiId, BigDecimal> linePoints) {
        Require.nonNull(linePoints, "linePoints");
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (ScorecardLine line : lines) {
            BigDecimal p = linePoints.get(line.kpi());
            Require.that(p != null, "linePoints", () -> "must hold points for " + line.kpi());
            Require.that(p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0, "linePoints",
                    () -> "must lie between 0 and 100, was " + p + " for " + line.kpi());
            weighted = weighted.add(line.weight().multiply(p));
            weights = weights.add(line.weight());
        }
        return weighted.divide(weights, SCORE_SCALE, RoundingMode.HALF_EVEN);
    }
}
