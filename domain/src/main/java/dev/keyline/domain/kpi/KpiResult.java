package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A computed KPI's value as stored for one organisation unit, with the zone whose local midnights
 * bounded its period and the {@link KpiFactsDigest} hash of the facts it was computed from, so that
 * a recomputation over the same facts is recognisably the same.
 *
 * @param value the value, with its KPI, period, numerator and denominator
 * @param unit the organisation unit the value is for
 * @param zone the zone of the period's boundaries
 * @param inputsHash the hash of the facts, 64 lower-case hex digits
 * @param computedAt when it was computed
 */
public record KpiResult(KpiValue value, KpiUnit unit, ZoneId zone, String inputsHash, Instant computedAt) {

    /**
     * Validates the result.
     *
     * @throws InvalidArgumentException when an argument is null or the hash is not 64 lower-case
     *     hex digits
     */
    public KpiResult {
        Require.nonNull(value, "value");
        Require.nonNull(unit, "unit");
        Require.nonNull(zone, "zone");
        Require.nonNull(inputsHash, "inputsHash");
        Require.that(inputsHash.matches("[0-9a-f]{64}"), "inputsHash",
                "must be a SHA-256 hash as 64 lower-case hex digits, was '" + inputsHash + "'");
        Require.nonNull(computedAt, "computedAt");
    }

    /**
     * The KPI.
     *
     * @return the value's KPI
     */
    public KpiId kpi() {
        return value.kpi();
    }

    /**
     * The period.
     *
     * @return the value's period
     */
    public Period period() {
        return value.period();
    }
}
