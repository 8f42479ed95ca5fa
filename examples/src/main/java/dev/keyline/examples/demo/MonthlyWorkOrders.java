package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.workorder.FaultTickets;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A month of ordinary work for the KPI chapter: one DDN circuit provisioned with the parallel plan
 * and accepted by the customer, and one fault reported and repaired, both through the work-order
 * services, so that market-response compliance, fault-handling timeliness and the stage on-time
 * rate are computed from stored facts every month. In a few months the customer accepts the circuit
 * after its committed completion, or the repair takes longer than the fault's deadline, so the
 * KPIs move between their bands.
 */
final class MonthlyWorkOrders {

    /** The months whose circuit is accepted late. */
    static final Set<Integer> LATE_ORDER_MONTHS = Set.of(3, 7, 8, 11);

    /** The months whose fault is repaired past its deadline. */
    static final Set<Integer> LATE_FAULT_MONTHS = Set.of(5, 8, 12);

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalNetworkId KM = new LocalNetworkId("KM");
    private static final UserId ACCOUNT_MANAGER = new UserId("liu.yang");
    private static final Actor MANAGER = Actor.accountManager(ACCOUNT_MANAGER);
    private static final Actor CALL_CENTRE = Actor.accountManager(new UserId("ding.hui"));
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("pan.jun"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor REPAIRER = Actor.withRoles(new UserId("fang.lei"), Role.STATION_EXECUTOR);
    private static final AccountId ACCOUNT = new AccountId("KA-SZ-BANK");
    private static final ProductCode DDN = new ProductCode("DDN");

    private MonthlyWorkOrders() {
    }

    /**
     * Runs one month's circuit and fault, starting on the month's third day or now, whichever is
     * later, and leaves the clock within the month.
     *
     * @param context the demo's context
     * @param month the month
     */
    static void during(DemoContext context, YearMonth month) {
        Require.nonNull(context, "context");
        Require.nonNull(month, "month");
        LocalDateTime third = month.atDay(3).atTime(9, 0);
        LocalDateTime now = LocalDateTime.ofInstant(context.clock().instant(), Demo.ZONE);
        Instant start = context.moveTo(now.isAfter(third) ? now.plusHours(1) : third);
        provision(context, month, start);
        repair(context, month);
    }

    private static void provision(DemoContext context, YearMonth month, Instant start) {
        ProvisioningOrders orders = ProvisioningOrders.on(context.keyline(), BusinessCalendar.allDays(Demo.ZONE),
                new BigDecimal("0.8"));
        StagePlan plan = SeedProvisioningPlans.ddnParallel();
        List<StageAssignment> assignments = new ArrayList<>();
        for (PlannedStage stage : plan.stages()) {
            LocalNetworkId unit = stage.id().equals(SeedProvisioningPlans.FAR_END_PROVINCIAL)
                    || stage.id().equals(SeedProvisioningPlans.FAR_END_LOCAL) ? KM : SZ;
            assignments.add(new StageAssignment(stage.id(), new WorkOrderStation(stage.id().value()), unit,
                    WorkOrdersChapter.stationManager(stage.id()).user(), new UserId("ex-" + stage.id().value())));
        }
        ProvisioningOrderId order = new ProvisioningOrderId("PO-" + month + "-M");
        Instant committed = orders.open(MANAGER, order, new ProvisioningParties(ACCOUNT, DDN, SZ, ACCOUNT_MANAGER,
                new UserId("it-shen")), plan, assignments, Optional.empty()).committedCompletion();
        step(context, orders, order, SeedProvisioningPlans.ORDER_ESTABLISHED, Duration.ofHours(10));
        List<StageId> levels = List.of(SeedProvisioningPlans.LOCAL, SeedProvisioningPlans.PROVINCIAL,
                SeedProvisioningPlans.INTER_PROVINCIAL, SeedProvisioningPlans.FAR_END_PROVINCIAL,
                SeedProvisioningPlans.FAR_END_LOCAL);
        for (StageId level : levels) {
            orders.start(WorkOrdersChapter.stationManager(level), order, level);
        }
        context.moveTo(local(context.clock().instant().plus(Duration.ofHours(48))));
        for (StageId level : levels) {
            orders.complete(WorkOrdersChapter.stationManager(level), order, level);
        }
        step(context, orders, order, SeedProvisioningPlans.JOINT_TEST, Duration.ofHours(8));
        step(context, orders, order, SeedProvisioningPlans.ACCEPTANCE, Duration.ofHours(4));
        if (LATE_ORDER_MONTHS.contains(month.getMonthValue())) {
            // the customer's acceptance test slips past the committed completion
            context.moveTo(local(committed.plus(Duration.ofHours(20))));
        }
        orders.accept(MANAGER, order, "customer's IT department");
        context.deliverNotifications("the circuit of " + month + " was accepted");
    }

    private static void repair(DemoContext context, YearMonth month) {
        FaultTickets faults = WorkOrdersChapter.faults(context);
        FaultTicketId ticket = new FaultTicketId("FT-" + month + "-M");
        Instant reported = context.moveTo(local(context.clock().instant().plus(Duration.ofHours(2))));
        faults.report(CALL_CENTRE, ticket, ACCOUNT, DDN, FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(),
                "DDN circuit errors reported by the bank");
        context.moveTo(local(reported.plus(Duration.ofMinutes(20))));
        faults.diagnose(NETWORK_CENTRE, ticket, "line errors on the local loop");
        faults.dispatch(NETWORK_CENTRE, ticket, new FaultStation("SZ-ACCESS-1"), "check the loop");
        faults.startRepair(REPAIRER, ticket, "on site");
        Duration repair = LATE_FAULT_MONTHS.contains(month.getMonthValue()) ? Duration.ofHours(11) : Duration.ofHours(3);
        context.moveTo(local(reported.plus(repair)));
        faults.returnRepaired(NETWORK_CENTRE, ticket, new FaultCause("LOCAL-LOOP"), "loop repaired");
        faults.reply(CALL_CENTRE, ticket, "told the bank's IT department");
        context.deliverNotifications("the fault of " + month + " was answered");
    }

    private static void step(DemoContext context, ProvisioningOrders orders, ProvisioningOrderId order, StageId stage,
            Duration takes) {
        orders.start(WorkOrdersChapter.stationManager(stage), order, stage);
        context.moveTo(local(context.clock().instant().plus(takes)));
        orders.complete(WorkOrdersChapter.stationManager(stage), order, stage);
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Demo.ZONE);
    }
}
