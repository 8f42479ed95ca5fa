package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fault statistics of a period (故障统计), for the back end's quality analysis and the
 * quarterly report meeting: how many faults were resolved in it (returned by the dispatch centre,
 * in the host's time zone), counted per product, per station and per cause, and how many of them
 * breached their response or resolution clock. A pure fold over tickets: tickets not resolved in
 * the period are ignored, so a repository stream of candidates may be passed as it is.
 *
 * @param period the period, usually a month
 * @param resolved how many faults were resolved in it
 * @param byProduct resolved faults per product, in code order
 * @param byStation resolved faults per station, in code order
 * @param byCause resolved faults per cause, in code order
 * @param responseBreached how many of them breached the response clock
 * @param resolutionBreached how many of them breached the resolution clock
 */
public record FaultStatistics(Period period, int resolved, SortedMap<ProductCode, Integer> byProduct,
        SortedMap<FaultStation, Integer> byStation, SortedMap<FaultCause, Integer> byCause, int responseBreached,
        int resolutionBreached) {

    /**
     * Validates and copies the counts.
     *
     * @param period the period, usually a month
     * @param resolved how many faults were resolved in it
     * @param byProduct resolved faults per product, in code order
     * @param byStation resolved faults per station, in code order
     * @param byCause resolved faults per cause, in code order
     * @param responseBreached how many of them breached the response clock
     * @param resolutionBreached how many of them breached the resolution clock
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or negative, or when a breakdown does not add up to {@code resolved}
     */
    public FaultStatistics {
        Require.nonNull(period, "period");
        Require.nonNegative(resolved, "resolved");
        byProduct = breakdown(byProduct, resolved, "byProduct");
        byStation = breakdown(byStation, resolved, "byStation");
        byCause = breakdown(byCause, resolved, "byCause");
        Require.that(responseBreached >= 0 && responseBreached <= resolved, "responseBreached",
                () -> "must lie between 0 and " + resolved + " but was " + responseBreached);
        Require.that(resolutionBreached >= 0 && resolutionBreached <= resolved, "resolutionBreached",
                () -> "must lie between 0 and " + resolved + " but was " + resolutionBreached);
    }

    /**
     * Folds the tickets resolved in a period into its statistics.
     *
     * @param period the period
     * @param zone the time zone the period is reckoned in
     * @param tickets the candidates; those not resolved in the period are ignored
     * @return the statistics
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null or the
     *     stream holds null
     */
    public static FaultStatistics of(Period period, ZoneId zone, Stream<FaultTicket> tickets) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        Require.nonNull(tickets, "tickets");
        Instant from = period.startAt(zone);
        Instant to = period.endAt(zone);
        TreeMap<ProductCode, Integer> products = new TreeMap<>(BY_VALUE);
        TreeMap<FaultStation, Integer> stations = new TreeMap<>(BY_VALUE);
        TreeMap<FaultCause, Integer> causes = new TreeMap<>(BY_VALUE);
        int[] counts = new int[3];
        tickets.forEach(ticket -> {
            Require.nonNull(ticket, "tickets[]");
            Optional<Instant> resolvedAt = ticket.resolvedAt();
            if (resolvedAt.isEmpty() || resolvedAt.get().isBefore(from) || !resolvedAt.get().isBefore(to)) {
                return;
            }
            counts[0]++;
            products.merge(ticket.product(), 1, Integer::sum);
            stations.merge(ticket.station().orElseThrow(), 1, Integer::sum);
            causes.merge(ticket.cause().orElseThrow(), 1, Integer::sum);
            counts[1] += ticket.responseClock().isBreached() ? 1 : 0;
            counts[2] += ticket.resolutionClock().isBreached() ? 1 : 0;
        });
        return new FaultStatistics(period, counts[0], products, stations, causes, counts[1], counts[2]);
    }

    private static final Comparator<Identifier> BY_VALUE = Comparator.comparing(Identifier::value);

    private static <K extends Identifier> SortedMap<K, Integer> breakdown(Map<K, Integer> counts, int resolved,
            String name) {
        Require.nonNull(counts, name);
        TreeMap<K, Integer> copy = new TreeMap<>(BY_VALUE);
        int sum = 0;
        for (Map.Entry<K, Integer> e : counts.entrySet()) {
            Require.nonNull(e.getKey(), name);
            Require.nonNull(e.getValue(), name, e.getKey());
            Require.positive(e.getValue(), name, e.getKey());
            copy.put(e.getKey(), e.getValue());
            sum += e.getValue();
        }
        if (sum != resolved) {
            throw new InvalidArgumentException(name, "adds up to " + sum + " but " + resolved
                    + " faults were resolved");
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
