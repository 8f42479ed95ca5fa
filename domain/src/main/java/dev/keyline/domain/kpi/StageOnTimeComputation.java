package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stage on-time rate ({@value #ID}) of one period, per level of the four-level assessment and
 * per person at each level, fed one {@link ResponsibilityFact} at a time: stages completed on time
 * / stages completed in the period. It keeps two counters per level and person, so its memory grows
 * with the number of people assessed, never with the number of facts; the same facts give the same
 * values in any order.
 *
 * <p>A fact counts when its stage was completed within the period, bounded by local midnights in the
 * computation's time zone. Not thread-safe: give each thread its own and {@link #add} them.
 */
public final class StageOnTimeComputation {

    /** The KPI's id text. */
    public static final String ID = "stage-on-time-rate";

    /** The KPI this computation yields. */
    public static final KpiId KPI = new KpiId(ID);

    private final Period period;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;
    private final Map<Role, Map<String, long[]>> counts = new EnumMap<>(Role.class);

    /**
     * A computation with no facts yet.
     *
     * @param period the period
     * @param zone the time zone whose local midnights bound the period
     * @throws InvalidArgumentException when an argument is null
     */
    public StageOnTimeComputation(Period period, ZoneId zone) {
        this.period = Require.nonNull(period, "period");
        this.zone = Require.nonNull(zone, "zone");
        this.start = period.startAt(zone);
        this.end = period.endAt(zone);
    }

    /**
     * The period computed.
     *
     * @return the period
     */
    public Period period() {
        return period;
    }

    /**
     * The time zone of the period's boundaries.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Feeds one responsibility.
     *
     * @param fact the responsibility
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(ResponsibilityFact fact) {
        Require.nonNull(fact, "fact");
        if (fact.completed().isBefore(start) || !fact.completed().isBefore(end)) {
            return;
        }
        long[] c = counts.computeIfAbsent(fact.level(), l -> new TreeMap<>()).computeIfAbsent(fact.assignee(),
                a -> new long[2]);
        c[0] = Math.addExact(c[0], fact.onTime() ? 1 : 0);
        c[1] = Math.addExact(c[1], 1);
    }

    /**
     * Adds another computation's counts for the same period and zone to this one.
     *
     * @param other the other computation
     * @return this computation
     * @throws InvalidArgumentException when {@code other} is null or covers another period or zone
     */
    public StageOnTimeComputation add(StageOnTimeComputation other) {
        Require.nonNull(other, "other");
        Require.same(period, other.period, "other.period");
        Require.same(zone, other.zone, "other.zone");
        other.counts.forEach((level, byAssignee) -> byAssignee.forEach((assignee, c) -> {
            long[] mine = counts.computeIfAbsent(level, l -> new TreeMap<>()).computeIfAbsent(assignee, a -> new long[2]);
            mine[0] = Math.addExact(mine[0], c[0]);
            mine[1] = Math.addExact(mine[1], c[1]);
        }));
        return this;
    }

    /**
     * One person's on-time rate at one level.
     *
     * @param level the level
     * @param assignee the person (or station)
     * @return the value; without a value when the person completed no stage in the period
     * @throws InvalidArgumentException when an argument is null
     */
    public KpiValue value(Role level, String assignee) {
        Require.nonNull(level, "level");
        Require.nonNull(assignee, "assignee");
        long[] c = counts.getOrDefault(level, Map.of()).getOrDefault(assignee, new long[2]);
        return KpiValue.ratio(KPI, period, c[0], c[1]);
    }

    /**
     * Every person's on-time rate at one level.
     *
     * @param level the level
     * @return the values by person, in the persons' id order; empty when nobody at that level completed a stage
     * @throws InvalidArgumentException when {@code level} is null
     */
    public Map<String, KpiValue> values(Role level) {
        Require.nonNull(level, "level");
        Map<String, KpiValue> result = new LinkedHashMap<>();
        counts.getOrDefault(level, Map.of()).forEach((assignee, c) -> result.put(assignee,
                KpiValue.ratio(KPI, period, c[0], c[1])));
        return Collections.unmodifiableMap(result);
    }

    /**
     * The on-time rate of a whole level: the sums of its persons' numerators and denominators.
     *
     * @param level the level
     * @return the value; without a value when nobody at that level completed a stage
     * @throws InvalidArgumentException when {@code level} is null
     */
    public KpiValue levelValue(Role level) {
        Require.nonNull(level, "level");
        long onTime = 0;
        long all = 0;
        for (long[] c : counts.getOrDefault(level, Map.of()).values()) {
            onTime = Math.addExact(onTime, c[0]);
            all = Math.addExact(all, c[1]);
        }
        return KpiValue.ratio(KPI, period, onTime, all);
    }

    @Override
    public String toString() {
        return "StageOnTimeComputation[" + period + " " + zone + "]";
    }
}
