package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ScheduledStage;
import dev.keyline.domain.workorder.SeedProvisioningPlans;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.examples.report.Block;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.json.tmf.Tmf641;
import dev.keyline.runtime.workorder.FaultTickets;
import dev.keyline.runtime.workorder.ProvisioningOrders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work orders in January 2026: a cross-province DDN circuit from Suzhou to Kunming is provisioned
 * with the seed's parallel plan (5 days instead of the old sequential 20, drawn against each other
 * on one time axis as a Gantt chart); the inter-provincial stage runs past its warning and its due
 * time, and the stage timers raise the warning and the escalation when the relay is pumped; the
 * customer accepts the order. The TMF641 service order is written beside the report. A fault on
 * the circuit follows in {@link FaultTicketsChapter}.
 */
public final class WorkOrdersChapter implements DemoChapter {

    /** The provisioning order of the chapter. */
    public static final ProvisioningOrderId ORDER = new ProvisioningOrderId("PO-2026-0001");

    /** The stage that runs late. */
    public static final StageId LATE_STAGE = SeedProvisioningPlans.INTER_PROVINCIAL;

    /** The customer whose circuit the chapter provisions: a bank with branches in Suzhou and Kunming. */
    public static final AccountId CUSTOMER = new AccountId("KA-SZ-BANK");

    /** The product of the circuit. */
    public static final ProductCode PRODUCT = new ProductCode("DDN");

    /** The file the order's TMF641 service order is written to, in the report's folder. */
    public static final String SERVICE_ORDER_FILE = "tmf641-service-order.json";

    /** The legend of the parallel plan's bars in the Gantt chart. */
    public static final String PARALLEL = "parallel plan";

    /** The legend of the old sequential plan's bars in the Gantt chart. */
    public static final String SEQUENTIAL = "sequential plan";

    /** The time zone of the chapter's calendar. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalNetworkId KM = new LocalNetworkId("KM");
    private static final UserId ACCOUNT_MANAGER = new UserId("liu.yang");
    private static final Actor MANAGER = Actor.accountManager(ACCOUNT_MANAGER);

    /** A work-orders chapter. */
    public WorkOrdersChapter() {
    }

    @Override
    public String title() {
        return "Work orders";
    }

    /**
     * The Gantt bars of a plan started at {@code start} on calendar days: one a stage, from its
     * earliest start to its earliest finish.
     *
     * @param plan the plan
     * @param start when the order starts
     * @param group the name of the plan in the chart's legend, for example {@value #PARALLEL}
     * @return the bars in the plan's order
     */
    public static List<Block.Bar> bars(StagePlan plan, Instant start, String group) {
        Require.nonNull(plan, "plan");
        Require.nonNull(start, "start");
        Require.nonBlank(group, "group");
        List<Block.Bar> bars = new ArrayList<>();
        for (ScheduledStage stage : plan.schedule(start, BusinessCalendar.allDays(ZONE)).stages()) {
            bars.add(new Block.Bar(stage.id().value(), stage.earliestStart(), stage.earliestFinish(), group));
        }
        return bars;
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        out.summary("A cross-province DDN circuit is provisioned with the parallel plan in 5 days instead of 20; one"
                + " stage runs late and is warned and escalated by its timers; the customer accepts.");
        ProvisioningOrders orders = ProvisioningOrders.on(context.keyline(), BusinessCalendar.allDays(ZONE),
                new java.math.BigDecimal("0.8"));
        StagePlan parallel = SeedProvisioningPlans.ddnParallel();
        StagePlan sequential = SeedProvisioningPlans.ddnSequential();

        Instant start = context.moveTo(LocalDateTime.of(2026, 1, 6, 9, 0));
        List<StageAssignment> assignments = new ArrayList<>();
        for (PlannedStage stage : parallel.stages()) {
            LocalNetworkId unit = stage.id().equals(SeedProvisioningPlans.FAR_END_PROVINCIAL)
                    || stage.id().equals(SeedProvisioningPlans.FAR_END_LOCAL) ? KM : SZ;
            assignments.add(new StageAssignment(stage.id(), new WorkOrderStation(stage.id().value()), unit,
                    stationManager(stage.id()).user(), new UserId("ex-" + stage.id().value())));
        }
        ProvisioningParties parties = new ProvisioningParties(CUSTOMER, PRODUCT, SZ,
                ACCOUNT_MANAGER, new UserId("it-shen"));
        ProvisioningOrderSnapshot opened = orders.open(MANAGER, ORDER, parties, parallel, assignments, Optional.empty());
        out.fact("Order", ORDER + " for " + parties.account() + ", DDN Suzhou to Kunming, originated by " + SZ);
        out.fact("Committed completion (parallel)", opened.committedCompletion() + " ("
                + days(parallel.longestPath()) + " days)");
        out.fact("Committed completion (sequential)", sequential.committedCompletion(start, BusinessCalendar.allDays(ZONE))
                + " (" + days(sequential.longestPath()) + " days)");
        List<Block.Bar> plans = new ArrayList<>(bars(parallel, start, PARALLEL));
        plans.addAll(bars(sequential, start, SEQUENTIAL));
        out.gantt(new Block.GanttChart("The parallel plan against the old sequential one, on one time axis: earliest"
                + " start to earliest finish of each stage", plans));

        step(orders, SeedProvisioningPlans.ORDER_ESTABLISHED, start, Duration.ofHours(10), context);
        Instant levelsStart = context.clock().instant();
        List<StageId> levels = List.of(SeedProvisioningPlans.LOCAL, SeedProvisioningPlans.PROVINCIAL,
                LATE_STAGE, SeedProvisioningPlans.FAR_END_PROVINCIAL, SeedProvisioningPlans.FAR_END_LOCAL);
        for (StageId level : levels) {
            orders.start(stationManager(level), ORDER, level);
        }
        context.deliverNotifications("the five levels started");
        context.moveTo(local(levelsStart.plus(Duration.ofHours(60))));
        for (StageId level : levels) {
            if (!level.equals(LATE_STAGE)) {
                orders.complete(stationManager(level), ORDER, level);
            }
        }
        context.deliverNotifications("four levels done in 60 hours");
        context.moveTo(local(levelsStart.plus(Duration.ofHours(80))));
        context.deliverNotifications("the inter-provincial stage passed 80 % of its time");
        context.moveTo(local(levelsStart.plus(Duration.ofHours(96))));
        context.deliverNotifications("the inter-provincial stage passed its due time");
        StageProgress late = progress(orders.find(ORDER), LATE_STAGE);
        out.fact("Late stage", LATE_STAGE + ": warned at " + late.warningAt() + " (" + late.warned() + "), due "
                + late.due() + ", escalated (" + late.escalated() + ")");
        orders.complete(stationManager(LATE_STAGE), ORDER, LATE_STAGE);
        step(orders, SeedProvisioningPlans.JOINT_TEST, context.clock().instant(), Duration.ofHours(10), context);
        step(orders, SeedProvisioningPlans.ACCEPTANCE, context.clock().instant(), Duration.ofHours(5), context);
        ProvisioningOrderSnapshot accepted = orders.accept(MANAGER, ORDER, "customer's IT director, Mr Xu");
        context.deliverNotifications("the order was accepted");
        List<List<String>> rows = new ArrayList<>();
        for (StageProgress stage : accepted.stages()) {
            rows.add(List.of(stage.stage().value(), stage.assignment().unit().value(), String.valueOf(stage.startedAt()),
                    String.valueOf(stage.due()), String.valueOf(stage.doneAt()), stage.warned() ? "yes" : "no",
                    stage.escalated() ? "yes" : "no"));
        }
        out.table("Stages of " + ORDER, List.of("Stage", "Unit", "Started", "Due", "Done", "Warned", "Escalated"), rows);
        out.fact("Order state", accepted.state() + " at " + accepted.acceptedAt() + " by " + accepted.acceptedBy());

        Path orderFile = write(context.reportDir().resolve(SERVICE_ORDER_FILE), Tmf641.serviceOrderJson(accepted));
        out.fact("TMF641 service order", orderFile.getFileName().toString());
    }

    /**
     * The chapter's fault tickets: targets by priority on calendar days in {@link #ZONE}.
     *
     * @param context the demo's context
     * @return the fault tickets
     */
    public static FaultTickets faults(DemoContext context) {
        Require.nonNull(context, "context");
        return FaultTickets.on(context.keyline(), TicketClockPolicy.byPriority(Map.of(
                FaultPriority.CRITICAL, new TicketClockTargets(Duration.ofMinutes(30), Duration.ofHours(4)),
                FaultPriority.HIGH, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)),
                FaultPriority.MEDIUM, new TicketClockTargets(Duration.ofHours(2), Duration.ofHours(16)),
                FaultPriority.LOW, new TicketClockTargets(Duration.ofHours(2), Duration.ofHours(16)))),
                BusinessCalendar.allDays(ZONE));
    }

    /** The station manager of a stage. */
    static Actor stationManager(StageId stage) {
        return Actor.withRoles(new UserId("sm-" + stage.value()), Role.STATION_MANAGER);
    }

    private static void step(ProvisioningOrders orders, StageId stage, Instant at, Duration takes, DemoContext context) {
        orders.start(stationManager(stage), ORDER, stage);
        context.moveTo(local(at.plus(takes)));
        orders.complete(stationManager(stage), ORDER, stage);
        context.deliverNotifications(stage + " done");
    }

    private static StageProgress progress(ProvisioningOrderSnapshot order, StageId stage) {
        return order.stages().stream().filter(s -> s.stage().equals(stage)).findFirst()
                .orElseThrow(() -> new InvalidStateException("no stage " + stage + " in " + order.id()));
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    private static String days(Duration duration) {
        return new java.math.BigDecimal(duration.toMinutes()).divide(new java.math.BigDecimal(1440), 2,
                java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static Path write(Path file, String json) {
        try {
            return Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
