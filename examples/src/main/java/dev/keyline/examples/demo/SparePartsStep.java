package dev.keyline.examples.demo;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareBelowMinimum;
import dev.keyline.domain.resource.SparePartNumber;
import dev.keyline.domain.resource.SparePlanLine;
import dev.keyline.domain.resource.SparePlanRule;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.resource.SpareCheckReport;
import dev.keyline.runtime.resource.SpareDailyCheck;
import dev.keyline.runtime.resource.SpareParts;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The spare-parts step of the resources chapter (备品备件): a depot stocks three parts with their
 * minimum levels, a fault ticket takes two optical modules from a reservation and the network
 * centre takes more directly, a faulty module goes to repair, the daily check runs (twice, to show
 * it raises each stock once a day) and the monthly plan for next month is drawn from this month's
 * issues. Deterministic: it reads only the runtime's clock.
 */
public final class SparePartsStep {

    /** The depot of the step: Suzhou's central spare-parts store. */
    public static final DepotId DEPOT = new DepotId("SZ-CENTRAL");

    /** 10G optical modules: 8 received, minimum 4. */
    public static final SpareStockId OPTICS = SpareStockId.of(DEPOT, new SparePartNumber("OPT-10G"));

    /** E1 line cards: 3 received, minimum 2. */
    public static final SpareStockId LINE_CARDS = SpareStockId.of(DEPOT, new SparePartNumber("LC-E1"));

    /** Fan trays: 5 received, minimum 1. */
    public static final SpareStockId FANS = SpareStockId.of(DEPOT, new SparePartNumber("FAN-7"));

    /** The fault ticket the optical modules are reserved for. */
    public static final SpareReservationRef FAULT = new SpareReservationRef("FT-SZ-0042");

    /**
     * What the step did.
     *
     * @param check the first daily check's report
     * @param checkAgain the second run of the check on the same day
     * @param plan the monthly plan of the depot for next month
     */
    public record Outcome(SpareCheckReport check, SpareCheckReport checkAgain, List<SparePlanLine> plan) {

        /**
         * Validates the outcome.
         *
         * @throws dev.keyline.domain.common.InvalidArgumentException when a component is null
         */
        public Outcome {
            Require.nonNull(check, "check");
            Require.nonNull(checkAgain, "checkAgain");
            plan = Require.nonNullElements(plan, "plan");
        }

        /**
         * The step in two plain lines: the daily check's below-minimum events, and the plan.
         *
         * @return the lines
         */
        public List<String> lines() {
            String below = check.raised().stream()
                    .map(e -> e.stock().part() + " " + e.available() + " of " + e.minimum())
                    .collect(Collectors.joining(", "));
            String orders = plan.stream().map(l -> l.stock().part() + " " + l.order() + " (need " + l.need() + ")")
                    .collect(Collectors.joining(", "));
            YearMonth month = plan.isEmpty() ? YearMonth.from(check.day()).plusMonths(1) : plan.get(0).month();
            return List.of(
                    "Daily check " + check.day() + ": " + check.raised().size() + " below minimum (available of minimum): "
                            + below + "; run again the same day: " + checkAgain.raised().size() + " raised",
                    "Spare-parts plan " + month + " for " + DEPOT + ": order " + orders);
        }
    }

    private SparePartsStep() {
    }

    /**
     * Runs the step on a runtime whose storage stores the resource area's spare parts: the network
     * centre's manager keeps the stocks and runs the daily check, a station manager takes the parts
     * out for the fault and brings the faulty module back.
     *
     * @param keyline the runtime
     * @param networkCentre who keeps the stocks; a network centre manager or the general manager
     * @param station who handles the parts for the repair; a station manager, network centre manager
     *     or the general manager
     * @return what it did
     * @throws dev.keyline.domain.common.NotAuthorisedException when an actor may not do their part
     */
    public static Outcome run(Keyline keyline, Actor networkCentre, Actor station) {
        Require.nonNull(keyline, "keyline");
        Require.nonNull(networkCentre, "networkCentre");
        Require.nonNull(station, "station");
        SpareParts spares = SpareParts.on(keyline, SparePlanRule.standard());
        spares.setMinimum(networkCentre, OPTICS, 4);
        spares.receive(networkCentre, OPTICS, 8);
        spares.setMinimum(networkCentre, LINE_CARDS, 2);
        spares.receive(networkCentre, LINE_CARDS, 3);
        spares.setMinimum(networkCentre, FANS, 1);
        spares.receive(networkCentre, FANS, 5);

        spares.reserve(station, OPTICS, FAULT, 2);
        spares.issueReserved(station, OPTICS, FAULT, 2);
        spares.issueDirectly(station, OPTICS, 3);
        spares.returnFaulty(station, OPTICS, 1);
        spares.issueDirectly(station, LINE_CARDS, 2);
        spares.issueDirectly(station, FANS, 1);

        SpareDailyCheck check = SpareDailyCheck.on(keyline);
        SpareCheckReport first = check.run(networkCentre);
        SpareCheckReport again = check.run(networkCentre);
        List<SparePlanLine> plan = spares.monthlyPlan(DEPOT, YearMonth.from(keyline.today()).plusMonths(1));
        List<SpareBelowMinimum> raised = first.raised();
        if (raised.size() != 2 || !again.raised().isEmpty()) {
            throw new IllegalStateException("the daily check should raise the optical modules and the line cards once, "
                    + "but raised " + raised + " and then " + again.raised());
        }
        return new Outcome(first, again, plan);
    }
}
