package dev.keyline.domain.budget;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.testing.NullArgumentsTester;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sample CAPEX projects and values for the domain's tests. */
public final class CapexSamples {

    /** When the sample project is proposed. */
    public static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");
    /** The network centre's manager. */
    public static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("ncm"), Role.NETWORK_CENTRE_MANAGER);
    /** The general manager. */
    public static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    /** The budget line of the sample project. */
    public static final CapexBudgetLine LINE = new CapexBudgetLine(new BudgetId("BUD-SZ-2026"), new BudgetLineId("CAPEX-NET"));
    /** The capacity the sample project builds. */
    public static final CapexCapacity FIBRE = new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48);

    private CapexSamples() {
    }

    /** A rolling project proposed by the network centre at {@link #T0}. @return the project */
    public static CapexProject proposed() {
        return CapexProject.propose(new CapexProjectId("CP-1"), CapexKind.ROLLING, "fibre ring", new LocalNetworkId("SZ"),
                List.of(FIBRE), NETWORK_CENTRE, "forecast demand", T0);
    }

    /** The sample project approved for 100,000.00, one day after its proposal. @return the project */
    public static CapexProject approved() {
        CapexProject project = proposed();
        project.startFeasibility(NETWORK_CENTRE, "route survey", T0);
        project.approve(GENERAL_MANAGER, LINE, Money.cny("100000.00"), schedule(), "company meeting", at(1));
        return project;
    }

    /** The sample project in construction, two days after its proposal. @return the project */
    public static CapexProject inConstruction() {
        CapexProject project = approved();
        project.startConstruction(NETWORK_CENTRE, "contractor on site", at(2));
        return project;
    }

    /** Construction from day 10 to acceptance on day 30. @return the schedule */
    public static CapexSchedule schedule() {
        return new CapexSchedule(at(10), at(30));
    }

    /** {@link #T0} plus days. @param days the days @return the instant */
    public static Instant at(long days) {
        return T0.plus(Duration.ofDays(days));
    }

    /**
     * Registers the area's samples, allowances and aliases with the domain's null-argument test.
     *
     * @param tester the tester
     */
    public static void register(NullArgumentsTester tester) {
        values(tester);
        tester.value(CapexTransition.class, () -> proposed().history().get(0))
                .value(CapexBooking.class, () -> new CapexBooking(CapexBookingKind.COMMITMENT, "PO-1",
                        Money.cny("10.00"), new UserId("ncm"), T0))
                .value(CapexProjectSnapshot.class, () -> inConstruction().snapshot())
                .instance(CapexProject.class, CapexSamples::inConstruction)
                .instance(CapexSchedule.class, CapexSamples::schedule);
        tester.nullableParameters(CapexProjectSnapshot.class, NullArgumentsTester.CONSTRUCTOR,
                "a snapshot is validated by restore, which reports a null part as corrupt");
        tester.nullable(CapexProjectProposed.class, NullArgumentsTester.CONSTRUCTOR, "request",
                        "null for a project proposed directly, not for an investment request")
                .nullable(CapexProjectProposed.class, NullArgumentsTester.CONSTRUCTOR, "proposedBy",
                        "null when another area's investment request raised the proposal")
                .nullable(CapexTransition.class, NullArgumentsTester.CONSTRUCTOR, "from",
                        "null for the proposal, the first step")
                .nullable(CapexTransition.class, NullArgumentsTester.CONSTRUCTOR, "by",
                        "null for a proposal raised by another area's investment request");
        String idReason = "an identifier's one component is the whole id, so it is reported by the id's name";
        tester.alias(CapexProjectId.class, NullArgumentsTester.CONSTRUCTOR, "value", "capexProjectId", idReason)
                .alias(CapexRequestRef.class, NullArgumentsTester.CONSTRUCTOR, "value", "capexRequest", idReason);
    }

    /**
     * Registers sample values of the area's value types (ids, budget line, capacity, schedule), for
     * the null-argument tests of the layers above the domain.
     *
     * @param tester the tester
     */
    public static void values(NullArgumentsTester tester) {
        tester.value(CapexProjectId.class, () -> new CapexProjectId("CP-1"))
                .value(CapexRequestRef.class, () -> new CapexRequestRef("REQ-1"))
                .value(CapexBudgetLine.class, () -> LINE)
                .value(CapexCapacity.class, () -> FIBRE)
                .value(CapexSchedule.class, CapexSamples::schedule);
    }
}
