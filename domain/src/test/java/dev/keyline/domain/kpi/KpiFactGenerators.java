package dev.keyline.domain.kpi;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of KPI facts around the first quarter of 2026 in Asia/Shanghai: instants
 * from mid-November 2025 to mid-May 2026, a third of them within a second of a local midnight, so
 * that the period boundaries are met often; dates and months over the same span; some facts open
 * or on their deadline to the second.
 */
final class KpiFactGenerators {

    /** The zone of generated instants. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The first day from which generated days are counted. */
    static final LocalDate ORIGIN = LocalDate.of(2025, 11, 15);

    /** The number of days generated days span. */
    static final int DAYS = 182;

    private KpiFactGenerators() {
    }

    /**
     * Any fact: work orders, faults, acceptances, accounts, forecasts, pools, CAPEX and bills.
     *
     * @return the generator
     */
    static Gen<Object> facts() {
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(6).map(n -> decode(n, n.get(0) % 8));
    }

    /**
     * Bills: dated on a generated day, due 0 to 60 days later, with none, part or all of them unpaid.
     *
     * @return the generator
     */
    static Gen<BillFact> bills() {
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(6).map(n -> (BillFact) decode(n, 7));
    }

    /**
     * Facts of the kinds whose KPIs combine over months: work orders, faults, acceptances, forecasts.
     *
     * @return the generator
     */
    static Gen<Object> additiveFacts() {
        int[] kinds = {0, 1, 2, 4};
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(6).map(n -> decode(n, kinds[n.get(0) % 4]));
    }

    /**
     * Facts of the kinds not filtered by the period: pools and CAPEX.
     *
     * @return the generator
     */
    static Gen<Object> snapshotFacts() {
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(6).map(n -> decode(n, 5 + n.get(0) % 2));
    }

    /** An instant from two raw numbers: a day, then a second near its local midnight or anywhere in it. */
    static Instant instant(int day, int second) {
        Instant midnight = ORIGIN.plusDays(day % DAYS).atStartOfDay(ZONE).toInstant();
        return second % 3 == 0 ? midnight.plusSeconds(second / 3 % 3 - 1) : midnight.plusSeconds(second % 86_400);
    }

    private static Object decode(List<Integer> n, int kind) {
        String id = "F" + n.get(5) % 1000;
        Instant due = instant(n.get(1), n.get(2));
        int closing = n.get(3) % 8;
        Optional<Instant> closed = closing == 0 ? Optional.empty()
                : closing == 1 ? Optional.of(due) : Optional.of(instant(n.get(3) / 8, n.get(4)));
        return switch (kind) {
            case 0 -> new WorkOrderFact(id, due, closed);
            case 1 -> new FaultFact(id, due, closed);
            case 2 -> new AcceptanceFact(id, due, closed);
            case 3 -> {
                LocalDate keySince = ORIGIN.plusDays(n.get(1) % DAYS);
                Optional<LocalDate> leftOn = n.get(2) % 3 == 0 ? Optional.empty()
                        : Optional.of(keySince.plusDays(n.get(3) % 120));
                yield new AccountFact(id, keySince, leftOn);
            }
            case 4 -> new ForecastFact("P" + n.get(5) % 7, YearMonth.from(ORIGIN).plusMonths(n.get(1) % 7),
                    n.get(2) % 5 == 0 ? 0 : n.get(2) % 1000, n.get(3) % 4 == 0 ? 0 : n.get(4) % 1000);
            case 5 -> {
                long capacity = n.get(1) % 1000;
                yield new PoolFact(id, capacity, capacity == 0 ? 0 : n.get(2) % (capacity + 1));
            }
            case 6 -> new CapexFact(Money.ofCents(n.get(1) % 10_000_000, Money.CNY),
                    Money.ofCents(n.get(2) % 10_000_000, Money.CNY), n.get(3) % 1000);
            default -> {
                LocalDate billedOn = ORIGIN.plusDays(n.get(1) % DAYS);
                long cents = 1 + n.get(2) % 10_000_000;
                int paying = n.get(4) % 3;
                long unpaid = paying == 0 ? cents : paying == 1 ? 0 : n.get(4) % (cents + 1);
                yield new BillFact(id, Money.ofCents(cents, Money.CNY), billedOn, billedOn.plusDays(n.get(3) % 61),
                        Money.ofCents(unpaid, Money.CNY));
            }
        };
    }

    /**
     * Feeds a generated fact to a computation.
     *
     * @param computation the computation
     * @param fact the fact
     */
    static void feed(KpiComputation computation, Object fact) {
        if (fact instanceof WorkOrderFact f) {
            computation.accept(f);
        } else if (fact instanceof FaultFact f) {
            computation.accept(f);
        } else if (fact instanceof AcceptanceFact f) {
            computation.accept(f);
        } else if (fact instanceof AccountFact f) {
            computation.accept(f);
        } else if (fact instanceof ForecastFact f) {
            computation.accept(f);
        } else if (fact instanceof PoolFact f) {
            computation.accept(f);
        } else if (fact instanceof BillFact f) {
            computation.accept(f);
        } else {
            computation.accept((CapexFact) fact);
        }
    }
}
