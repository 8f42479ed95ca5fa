package dev.keyline.domain.kpi;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How one KPI (考核) stands for one organisation unit, period after period: each recorded period's value
 * and band, oldest first.
 *
 * <p>Recording a period raises {@link KpiBandEntered} when its band is amber or red and worse than
 * the previous period's (or it is the first period recorded), and {@link KpiBandRecovered} when it
 * is green after an amber or red period. A KPI staying amber, staying red, or improving from red to
 * amber raises nothing. Periods are recorded in order, one value each, each of the granularity of
 * the KPI's definition; a rejected command changes nothing.
 */
public final class KpiStanding extends AggregateRoot<KpiStandingId> {

    private final List<KpiStandingEntry> entries = new ArrayList<>();

    private KpiStanding(KpiStandingId id, long version) {
        super(id, version);
    }

    /**
     * A standing with no period recorded yet.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @return the standing, at version 0
     * @throws InvalidArgumentException when an argument is null
     */
    public static KpiStanding open(KpiId kpi, KpiUnit unit) {
        return new KpiStanding(KpiStandingId.of(kpi, unit), 0);
    }

    /**
     * Records one period's value and its band by the KPI's definition.
     *
     * @param definition the KPI's definition, whose thresholds band the value
     * @param value the period's value
     * @param at when it is recorded
     * @return the band recorded
     * @throws InvalidArgumentException naming the field when an argument is null, the definition or
     *     value is another KPI's, the value has no value, or its period is not of the definition's
     *     granularity
     * @throws InvalidStateException when the period is not after the last period recorded
     */
    public Band record(KpiDefinition definition, KpiValue value, Instant at) {
        Require.nonNull(definition, "definition");
        Require.nonNull(value, "value");
        Require.nonNull(at, "at");
        Require.same(kpi(), definition.id(), "definition.id");
        Require.same(kpi(), value.kpi(), "value.kpi");
        Require.that(value.hasValue(), "value", () -> "must have a value to be banded; " + kpi() + " has none for "
                + value.period());
        Require.same(definition.granularity(), value.period().granularity(), "value.period.granularity");
        Optional<KpiStandingEntry> last = lastEntry();
        if (last.isPresent() && value.period().compareTo(last.get().period()) <= 0) {
            throw new InvalidStateException("KPI " + kpi() + " of " + unit() + " already has " + last.get().period()
                    + "; a value for " + value.period() + " comes too late");
        }
        Band band = definition.band(value.value().get());
        Optional<Band> previous = last.map(KpiStandingEntry::band);
        entries.add(new KpiStandingEntry(value.period(), value.value().get(), band, at));
        if (band != Band.GREEN && previous.map(band::isWorseThan).orElse(true)) {
            record(new KpiBandEntered(EventId.random(), at, kpi(), unit(), value.period(), band, previous,
                    value.value().get()));
        } else if (band == Band.GREEN && previous.isPresent() && previous.get() != Band.GREEN) {
            record(new KpiBandRecovered(EventId.random(), at, kpi(), unit(), value.period(), previous.get(),
                    value.value().get()));
        }
        return band;
    }

    /**
     * The KPI.
     *
     * @return the KPI
     */
    public KpiId kpi() {
        return id().kpi();
    }

    /**
     * The organisation unit.
     *
     * @return the unit
     */
    public KpiUnit unit() {
        return id().unit();
    }

    /**
     * The recorded periods, oldest first.
     *
     * @return the entries
     */
    public List<KpiStandingEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The last period recorded.
     *
     * @return the entry, empty before the first period
     */
    public Optional<KpiStandingEntry> lastEntry() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /**
     * The band of the last period recorded.
     *
     * @return the band, empty before the first period
     */
    public Optional<Band> currentBand() {
        return lastEntry().map(KpiStandingEntry::band);
    }

    /**
     * The stored form.
     *
     * @return the snapshot
     */
    public KpiStandingSnapshot snapshot() {
        return new KpiStandingSnapshot(id(), version(), entries);
    }

    /**
     * Rebuilds a standing from its stored form, validating it again.
     *
     * @param snapshot the stored form
     * @return the standing
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException when the stored form has a null part, a negative version, or
     *     periods not in strictly increasing order or of mixed granularity
     */
    public static KpiStanding restore(KpiStandingSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        try {
            corruptIf(snapshot.id() == null, "KPI standing id is null");
            String what = "KPI standing " + snapshot.id();
            corruptIf(snapshot.entries() == null, () -> what + ": entries are null");
            KpiStanding standing = new KpiStanding(snapshot.id(), snapshot.version());
            Period previous = null;
            for (KpiStandingEntry entry : snapshot.entries()) {
                corruptIf(entry == null, () -> what + ": an entry is null");
                Period before = previous;
                corruptIf(before != null && entry.period().compareTo(before) <= 0,
                        () -> what + ": period " + entry.period() + " does not follow " + before);
                corruptIf(before != null && entry.period().granularity() != before.granularity(),
                        () -> what + ": periods of mixed granularity " + before + " and " + entry.period());
                standing.entries.add(entry);
                previous = entry.period();
            }
            return standing;
        } catch (CorruptStateException e) {
            throw e;
        } catch (KeylineException | NullPointerException e) {
            throw new CorruptStateException("KPI standing " + snapshot.id() + " cannot be restored: " + e.getMessage(), e);
        }
    }

    private static void corruptIf(boolean condition, String message) {
        if (condition) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptIf(boolean, String)} with the message built only when the check fails. */
    private static void corruptIf(boolean condition, Supplier<String> message) {
        if (condition) {
            throw new CorruptStateException(message.get());
        }
    }

    @Override
    public String toString() {
        return "KpiStanding[" + id() + " " + currentBand().map(Band::name).orElse("no period") + "]";
    }
}
