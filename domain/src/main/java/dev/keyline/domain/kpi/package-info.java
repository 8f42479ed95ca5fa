/**
 * KPIs and assessment (考核): the seed's catalogue of key performance indicators, their
 * computation from the other areas' facts, and the scorecards that weight them per role and
 * organisation unit.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.kpi.KpiId} names a KPI; {@link dev.keyline.domain.kpi.KpiValue}
 *       is one KPI's value for one {@link dev.keyline.domain.common.Period}, with the numerator and
 *       denominator it came from.</li>
 *   <li>The facts a computation reads: {@link dev.keyline.domain.kpi.WorkOrderFact},
 *       {@link dev.keyline.domain.kpi.FaultFact}, {@link dev.keyline.domain.kpi.AccountFact},
 *       {@link dev.keyline.domain.kpi.ForecastFact}, {@link dev.keyline.domain.kpi.PoolFact} and
 *       {@link dev.keyline.domain.kpi.CapexFact}.</li>
 *   <li>{@link dev.keyline.domain.kpi.ScorecardResult}: a scorecard's weighted score for one role,
 *       unit and period, with its {@link dev.keyline.domain.kpi.Band}.</li>
 *   <li>{@link dev.keyline.domain.kpi.KpiDefinition}: a KPI's names, formula, unit of measure,
 *       {@link dev.keyline.domain.kpi.KpiThresholds thresholds}, period and owner;
 *       {@link dev.keyline.domain.kpi.KpiCatalogue#seed()} holds every KPI the seed names.</li>
 *   <li>{@link dev.keyline.domain.kpi.ScorecardDefinition}: weighted KPIs per role and unit;
 *       {@link dev.keyline.domain.kpi.SeedScorecards} the seed's, including the four-level
 *       provisioning assessment fed by {@link dev.keyline.domain.kpi.StageOnTimeComputation}.</li>
 *   <li>{@link dev.keyline.domain.kpi.KpiStanding}: one KPI's bands for one unit, period after
 *       period, raising {@link dev.keyline.domain.kpi.KpiBandEntered} and
 *       {@link dev.keyline.domain.kpi.KpiBandRecovered}.</li>
 * </ul>
 *
 * <p>This package uses only the shared kernel ({@code dev.keyline.domain.common}): facts name the
 * other areas' entities by their text ids, so that a host can compute KPIs from facts it holds
 * outside Keyline as well.
 */
package dev.keyline.domain.kpi;
