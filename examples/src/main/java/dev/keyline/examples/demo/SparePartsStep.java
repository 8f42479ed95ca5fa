package dev.keyline.examples.demo;

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
     * Runs the step on a runtime whose storage stores the resource area's spare parts.
     *
     * @param keyline the runtime
     * @return what it did
     */
    public static Outcome run(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        SpareParts spares = SpareParts.on(keyline, SparePlanRule.standard());
        spares.setMinimum(OPTICS, 4);
        spares.receive(OPTICS, 8);
        spares.setMinimum(LINE_CARDS, 2);
        spares.receive(LINE_CARDS, 3);
        spares.setMinimum(FANS, 1);
        spares.receive(FANS, 5);

        spares.reserve(OPTICS, FAULT, 2);
        spares.issueReserved(OPTICS, FAULT, 2);
        spares.issueDirectly(OPTICS, 3);
        spares.returnFaulty(OPTICS, 1);
        spares.issueDirectly(LINE_CARDS, 2);
        spares.issueDirectly(FANS, 1);

        SpareDailyCheck check = SpareDailyCheck.on(keyline);
        SpareCheckReport first = check.run();
        SpareCheckReport again = check.run();
        List<SparePlanLine> plan = spares.monthlyPlan(DEPOT, YearMonth.from(keyline.today()).plusMonths(1));
        List<SpareBelowMinimum> raised = first.raised();
        if (raised.size() != 2 || !again.raised().isEmpty()) {
            throw new IllegalStateException("the daily check should raise the optical modules and the line cards once, "
                    + "but raised " + raised + " and then " + again.raised());
        }
        return new Outcome(first, again, plan);
    }
}
