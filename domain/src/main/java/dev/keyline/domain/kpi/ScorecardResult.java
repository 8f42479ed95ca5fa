package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A scorecard (考核) applied to one role in one organisation unit for one period: its lines, one per
 * weighted KPI, and the weighted score and band they give.
 *
 * <p>A scorecard is complete when every line has a value; only a complete scorecard has a score
 * and a band, and only a complete scorecard may feed an incentive.
 *
 * @param scorecard the scorecard's id, such as {@code provisioning-account-manager}
 * @param role the role assessed
 * @param unit the organisation unit assessed
 * @param period the period assessed
 * @param lines the lines, at least one, each KPI once
 * @param score the weighted score, from 0 to 100; present exactly when every line is complete
 * @param band the score's band; present exactly when the score is
 */
public record ScorecardResult(String scorecard, Role role, KpiUnit unit, Period period, List<KpiScore> lines,
        Optional<BigDecimal> score, Optional<Band> band) {

    /**
     * Validates the result.
     *
     * @param scorecard the scorecard's id, such as {@code provisioning-account-manager}
     * @param role the role assessed
     * @param unit the organisation unit assessed
     * @param period the period assessed
     * @param lines the lines, at least one, each KPI once
     * @param score the weighted score, from 0 to 100; present exactly when every line is complete
     * @param band the score's band; present exactly when the score is
     * @throws InvalidArgumentException when an argument is null, there are no lines, a KPI appears
     *     twice, a line's value is for another period, or the score and band are not present
     *     exactly when every line is complete
     */
    public ScorecardResult {
        Require.text(scorecard, "scorecard", Limits.ID_LENGTH);
        Require.nonNull(role, "role");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(score, "score");
        Require.nonNull(band, "band");
        lines = Require.nonNullElements(lines, "lines");
        Require.that(!lines.isEmpty(), "lines", "must hold at least one line");
        Require.that(lines.stream().map(KpiScore::kpi).distinct().count() == lines.size(), "lines",
                "must name each KPI once");
        for (KpiScore line : lines) {
            line.value().filter(v -> !v.period().equals(period))
                    .ifPresent(v -> Require.same(period, v.period(), "lines[" + line.kpi() + "].period"));
        }
        boolean complete = lines.stream().allMatch(KpiScore::isComplete);
        Require.that(score.isPresent() == complete, "score", "must be present exactly when every line is complete");
        Require.that(band.isPresent() == complete, "band", "must be present exactly when every line is complete");
        score.ifPresent(s -> Require.that(s.signum() >= 0 && s.compareTo(BigDecimal.valueOf(100)) <= 0, "score",
                () -> "must lie between 0 and 100, was " + s));
    }

    /**
     * Whether every line has a value.
     *
     * @return true when the scorecard has a score and a band
     */
    public boolean isComplete() {
        return score.isPresent();
    }

    /**
     * The KPIs whose lines have no value.
     *
     * @return the missing KPIs, in line order; empty when the scorecard is complete
     */
    public List<KpiId> missing() {
        return lines.stream().filter(l -> !l.isComplete()).map(KpiScore::kpi).toList();
    }
}
