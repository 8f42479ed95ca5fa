/**
 * KPIs (考核) run through the runtime: {@link dev.keyline.runtime.kpi.KpiService} computes a
 * period's KPIs from the other areas' stored facts, stores each result with the hash of its facts,
 * records the measured values hosts report, and bands each value against its definition on the
 * unit's standing, so that a KPI entering amber or red reaches the outbox as {@code kpi.band-entered}.
 */
package dev.keyline.runtime.kpi;
