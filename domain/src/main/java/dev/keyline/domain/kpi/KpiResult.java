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

    /** The most characters a stored numerator or denominator takes as plain decimal text. */
    public static final int MAX_SUM_LENGTH = 48;

    /** The most digits a stored value has, {@value KpiValue#SCALE} of them decimals. */
    public static final int VALUE_PRECISION = 20;

    /**
     * Validates the result.
     *
     * @param value the value, with its KPI, period, numerator and denominator
     * @param unit the organisation unit the value is for
     * @param zone the zone of the period's boundaries
     * @param inputsHash the hash of the facts, 64 lower-case hex digits
     * @param computedAt when it was computed
     * @throws InvalidArgumentException when an argument is null, the hash is not 64 lower-case
     *     hex digits, a sum is longer than {@value #MAX_SUM_LENGTH} characters or the value has
     *     more than {@value #VALUE_PRECISION} digits
     */
    public KpiResult {
        Require.nonNull(value, "value");
        Require.that(value.numerator().toPlainString().length() <= MAX_SUM_LENGTH, "value.numerator",
                () -> "must be at most " + MAX_SUM_LENGTH + " characters as plain text, was " + value.numerator());
        Require.that(value.denominator().toPlainString().length() <= MAX_SUM_LENGTH, "value.denominator",
                () -> "must be at most " + MAX_SUM_LENGTH + " characters as plain text, was " + value.denominator());
        value.value().ifPresent(v -> Require.that(v.precision() <= VALUE_PRECISION, "value.value",
                () -> "must have at most " + VALUE_PRECISION + " digits, was " + v.toPlainString()));
        Require.nonNull(unit, "unit");
        Require.nonNull(zone, "zone");
        Require.nonNull(inputsHash, "inputsHash");
        Require.nonNull(computedAt, "computedAt");
        Require.that(inputsHash.matches("[0-9a-f]{64}"), "inputsHash",
                () -> "must be a SHA-256 hash as 64 lower-case hex digits, was '" + inputsHash + "'");
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
