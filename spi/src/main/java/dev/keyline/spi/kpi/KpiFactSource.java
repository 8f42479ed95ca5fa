package dev.keyline.spi.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.AcceptanceFact;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.BillFact;
import dev.keyline.domain.kpi.CapexFact;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.FaultFact;
import dev.keyline.domain.kpi.ForecastFact;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.KpiFactsDigest;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.PoolFact;
import dev.keyline.domain.kpi.ResponsibilityFact;
import dev.keyline.domain.kpi.StageOnTimeComputation;
import dev.keyline.domain.kpi.WorkOrderFact;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The facts a period's KPIs are computed from, read from what the other areas store, one fact at a
 * time: a provider hands each fact to the sink as it reads it (a JDBC provider from a cursor with a
 * fetch size), so memory does not grow with the number of facts. Every method must be called
 * inside a transaction of the provider.
 *
 * <p>Where the facts come from:
 * <ul>
 *   <li>{@link #workOrders}: provisioning orders accepted within the period; the committed
 *       completion against the customer's acceptance (the order's completion).</li>
 *   <li>{@link #faults}: fault tickets resolved within the period that have a resolution deadline;
 *       the deadline as last computed against the resolution time.</li>
 *   <li>{@link #accounts}: key accounts that were key accounts on the period's first day; a key
 *       account is one from the day of its registration (in the zone) to the day of its exit, if
 *       any.</li>
 *   <li>{@link #forecasts}: for every SLA signed or later (not a draft), each product's agreed
 *       volume (after amendments) for each month of the SLA inside the period, against the orders
 *       of that product accepted under the SLA with an order date in that month.</li>
 *   <li>{@link #pools}: every resource pool's capacity and allocated units at the period's end:
 *       the entry of its movement log in force then (a pool opened after the period's end is not
 *       counted).</li>
 *   <li>{@link #capex}: for every issued or closed budget of the period's year that no other
 *       budget is issued from (a leaf, so that the province's consolidated budget is not counted
 *       twice), the issued amount of its CAPEX lines against the actuals booked on them. Lines in
 *       service are not stored by any area: the fact carries 0, and the host gives its own count
 *       to the computation ({@link dev.keyline.domain.kpi.LinesInServiceFact}).</li>
 *   <li>{@link #acceptances}: CAPEX projects accepted within the period; their planned acceptance
 *       against the acceptance.</li>
 *   <li>{@link #bills}: from the billing area's arrears facts, every bill dated within the period,
 *       and every bill dated on or before the period's last day that is due before that day and
 *       not wholly paid or written off by it; each with what was unpaid of it on that day
 *       (settlements dated after it do not count).</li>
 *   <li>{@link #responsibilities}: for every provisioning stage done within the period, whatever
 *       its order's state, the four levels' responsibilities ({@link KpiFacts#responsibilitiesOf}):
 *       the order's account manager and IT support, the stage's station manager and executor as
 *       they stand, on time when the stage was done by its due time. They feed the stage on-time
 *       rate ({@link #stageOnTime}), per level and per person, which is not one of the
 *       {@link ComputedKpi}s.</li>
 * </ul>
 * Instants are placed in the period by its local midnights in the zone, exactly as
 * {@link KpiComputation} does, so that feeding every fact to a computation gives the same values
 * as {@link #compute}.
 */
public interface KpiFactSource {

    /**
     * Streams the provisioning orders accepted within the period.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void workOrders(Period period, ZoneId zone, Consumer<? super WorkOrderFact> sink);

    /**
     * Streams the fault tickets resolved within the period.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void faults(Period period, ZoneId zone, Consumer<? super FaultFact> sink);

    /**
     * Streams the key accounts that were key accounts on the period's first day.
     *
     * @param period the period
     * @param zone the zone whose local dates the registration and exit instants fall on
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void accounts(Period period, ZoneId zone, Consumer<? super AccountFact> sink);

    /**
     * Streams the agreed and actual volumes per SLA, product and month of the period.
     *
     * @param period the period
     * @param zone the zone (months are calendar months; the zone is accepted for symmetry)
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void forecasts(Period period, ZoneId zone, Consumer<? super ForecastFact> sink);

    /**
     * Streams every resource pool's capacity and allocated units at the period's end, from the
     * entry of its movement log in force then.
     *
     * @param period the period
     * @param zone the zone
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void pools(Period period, ZoneId zone, Consumer<? super PoolFact> sink);

    /**
     * Streams the issued CAPEX and its actuals per leaf budget of the period's year.
     *
     * @param period the period
     * @param zone the zone
     * @param sink receives each fact, in no particular order; each with 0 lines in service
     * @throws InvalidArgumentException when an argument is null
     */
    void capex(Period period, ZoneId zone, Consumer<? super CapexFact> sink);

    /**
     * Streams the CAPEX projects accepted within the period.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void acceptances(Period period, ZoneId zone, Consumer<? super AcceptanceFact> sink);

    /**
     * Streams the bills the arrears rate counts: those dated within the period and those overdue
     * and unpaid on its last day, each with what was unpaid of it on that day.
     *
     * @param period the period
     * @param zone the zone (bill dates are calendar dates; the zone is accepted for symmetry)
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void bills(Period period, ZoneId zone, Consumer<? super BillFact> sink);

    /**
     * Streams the four levels' responsibilities for every provisioning stage done within the period.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @param sink receives each fact, in no particular order
     * @throws InvalidArgumentException when an argument is null
     */
    void responsibilities(Period period, ZoneId zone, Consumer<? super ResponsibilityFact> sink);

    /**
     * The stage on-time rate of the period, per level of the four-level assessment and per person,
     * from every {@link #responsibilities responsibility} of the period.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @return the computation, fed
     * @throws InvalidArgumentException when an argument is null
     */
    default StageOnTimeComputation stageOnTime(Period period, ZoneId zone) {
        StageOnTimeComputation computation = new StageOnTimeComputation(Require.nonNull(period, "period"),
                Require.nonNull(zone, "zone"));
        responsibilities(period, zone, computation::accept);
        return computation;
    }

    /**
     * Feeds every fact of the period to a new computation.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @return the computation, fed
     * @throws InvalidArgumentException when an argument is null
     */
    default KpiComputation stream(Period period, ZoneId zone) {
        return stream(period, zone, new KpiFactsDigest(Require.nonNull(period, "period"), Require.nonNull(zone, "zone")));
    }

    /**
     * Feeds every fact of the period, in one pass, to a new computation and to a digest, so that
     * the values and the hash of the facts they came from are read together.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @param digest receives every fact as well; of the same period and zone
     * @return the computation, fed
     * @throws InvalidArgumentException when an argument is null
     */
    default KpiComputation stream(Period period, ZoneId zone, KpiFactsDigest digest) {
        KpiComputation computation = new KpiComputation(Require.nonNull(period, "period"), Require.nonNull(zone, "zone"));
        Require.nonNull(digest, "digest");
        workOrders(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        faults(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        accounts(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        forecasts(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        pools(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        capex(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        acceptances(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        bills(period, zone, f -> {
            computation.accept(f);
            digest.accept(f);
        });
        return computation;
    }

    /**
     * Every computed KPI's value for the period, in {@link ComputedKpi} order. The default streams
     * the facts through a {@link KpiComputation}; a provider that can sum a KPI's numerator and
     * denominator in its store faster overrides this, and must give the very same values (the
     * compatibility kit checks it on random facts).
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @return the values, one per {@link ComputedKpi}
     * @throws InvalidArgumentException when an argument is null
     */
    default List<KpiValue> compute(Period period, ZoneId zone) {
        return stream(period, zone).values();
    }
}
