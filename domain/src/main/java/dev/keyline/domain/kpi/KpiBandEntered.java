package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A KPI entered amber or red for a unit: its period's value fell in a worse band than the period
 * before, or its first value was already amber or red.
 *
 * @param eventId the event's id
 * @param occurredAt when the value was recorded
 * @param kpi the KPI
 * @param unit the organisation unit
 * @param period the period whose value entered the band
 * @param band the band entered: amber or red
 * @param previousBand the previous period's band, better than {@code band}; empty for the first value
 * @param value the period's value
 */
public record KpiBandEntered(EventId eventId, Instant occurredAt, KpiId kpi, KpiUnit unit, Period period, Band band,
        Optional<Band> previousBand, BigDecimal value) implements KpiEvent {

    /** The event's type. */
    public static final String TYPE = "kpi.band-entered";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when the value was recorded
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period whose value entered the band
     * @param band the band entered: amber or red
     * @param previousBand the previous period's band, better than {@code band}; empty for the first value
     * @param value the period's value
     * @throws InvalidArgumentException when an argument is null, the band is green, or the previous
     *     band is not better
     */
    public KpiBandEntered {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(band, "band");
        Require.that(band != Band.GREEN, "band", "must be AMBER or RED");
        Require.nonNull(previousBand, "previousBand");
        previousBand.ifPresent(p -> Require.that(band.isWorseThan(p), "previousBand",
                () -> "must be better than " + band + ", was " + p));
        Require.nonNegative(value, "value");
    }

    @Override
    public String aggregateId() {
        return KpiStandingId.of(kpi, unit).value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("KPI " + kpi + " of " + unit + " entered " + band + " in " + period + " at "
                + value.toPlainString()).withOrganisationUnit(unit.value());
    }
}
