package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A KPI returned to green for a unit after an amber or red period, so that whoever was warned by
 * {@link KpiBandEntered} learns the matter is closed.
 *
 * @param eventId the event's id
 * @param occurredAt when the value was recorded
 * @param kpi the KPI
 * @param unit the organisation unit
 * @param period the period whose value is green again
 * @param previousBand the previous period's band: amber or red
 * @param value the period's value
 */
public record KpiBandRecovered(EventId eventId, Instant occurredAt, KpiId kpi, KpiUnit unit, Period period,
        Band previousBand, BigDecimal value) implements KpiEvent {

    /** The event's type. */
    public static final String TYPE = "kpi.band-recovered";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when the value was recorded
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period whose value is green again
     * @param previousBand the previous period's band: amber or red
     * @param value the period's value
     * @throws InvalidArgumentException when an argument is null or the previous band is green
     */
    public KpiBandRecovered {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(previousBand, "previousBand");
        Require.that(previousBand != Band.GREEN, "previousBand", "must be AMBER or RED");
        Require.nonNegative(value, "value");
    }

    /**
     * The band recovered to.
     *
     * @return {@link Band#GREEN}
     */
    public Band band() {
        return Band.GREEN;
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
        return Audience.of("KPI " + kpi + " of " + unit + " is GREEN again in " + period + " at "
                + value.toPlainString() + " (was " + previousBand + ")").withOrganisationUnit(unit.value());
    }
}
