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
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
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
import dev.keyline.json.tmf.Tmf621;
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
 * Work orders in January 2027: a cross-province DDN circuit from Suzhou to Kunming is provisioned
 * with the seed's parallel plan (5 days instead of the old sequential 20, drawn side by side as
 * Gantt charts); the inter-provincial stage runs past its warning and its due time, and the stage
 * timers raise the warning and the escalation when the relay is pumped; the customer accepts the
 * order. A fault on the circuit goes from report to reply, paused while the customer's room is
 * locked. The TMF641 service order and the TMF621 trouble ticket are written beside the report.
 */
public final class WorkOrdersChapter implements DemoChapter {

    /** The provisioning order of the chapter. */
    public static final ProvisioningOrderId ORDER = new ProvisioningOrderId("PO-2027-0001");

    /** The fault ticket of the chapter. */
    public static final FaultTicketId TICKET = new FaultTicketId("FT-2027-0001");

    /** The stage that runs late. */
    public static final StageId LATE_STAGE = SeedProvisioningPlans.INTER_PROVINCIAL;

    /** The file the order's TMF641 service order is written to, in the report's folder. */
    public static final String SERVICE_ORDER_FILE = "tmf641-service-order.json";

    /** The file the ticket's TMF621 trouble ticket is written to, in the report's folder. */
    public static final String TROUBLE_TICKET_FILE = "tmf621-trouble-ticket.json";

    /** The time zone of the chapter's calendar. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalNetworkId KM = new LocalNetworkId("KM");
    private static final UserId ACCOUNT_MANAGER = new UserId("liu.yang");
    private static final Actor MANAGER = Actor.accountManager(ACCOUNT_MANAGER);
    private static final Actor CALL_CENTRE = Actor.accountManager(new UserId("ding.hui"));
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("pan.jun"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor REPAIRER = Actor.withRoles(new UserId("fang.lei"), Role.STATION_EXECUTOR);

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
     * @return the bars in the plan's order
     */
    public static List<Block.Bar> bars(StagePlan plan, Instant start) {
        Require.nonNull(plan, "plan");
        Require.nonNull(start, "start");
        List<Block.Bar> bars = new ArrayList<>();
        for (ScheduledStage stage : plan.schedule(start, BusinessCalendar.allDays(ZONE)).stages()) {
            bars.add(new Block.Bar(stage.id().value(), stage.earliestStart(), stage.earliestFinish()));
        }
        return bars;
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        out.summary("A cross-province DDN circuit is provisioned with the parallel plan in 5 days instead of 20; one"
                + " stage runs late and is warned and escalated by its timers; the customer accepts. A fault goes"
                + " from report to reply with a pause for the customer, and both are written as TM Forum JSON.");
        ProvisioningOrders orders = ProvisioningOrders.on(context.keyline(), BusinessCalendar.allDays(ZONE),
                new java.math.BigDecimal("0.8"));
        StagePlan parallel = SeedProvisioningPlans.ddnParallel();
        StagePlan sequential = SeedProvisioningPlans.ddnSequential();

        Instant start = context.moveTo(LocalDateTime.of(2027, 1, 4, 9, 0));
        List<StageAssignment> assignments = new ArrayList<>();
        for (PlannedStage stage : parallel.stages()) {
            LocalNetworkId unit = stage.id().equals(SeedProvisioningPlans.FAR_END_PROVINCIAL)
                    || stage.id().equals(SeedProvisioningPlans.FAR_END_LOCAL) ? KM : SZ;
            assignments.add(new StageAssignment(stage.id(), new WorkOrderStation(stage.id().value()), unit,
                    stationManager(stage.id()).user(), new UserId("ex-" + stage.id().value())));
        }
        ProvisioningParties parties = new ProvisioningParties(new AccountId("KA-SZ-BANK"), new ProductCode("DDN"), SZ,
                ACCOUNT_MANAGER, new UserId("it-shen"));
        ProvisioningOrderSnapshot opened = orders.open(MANAGER, ORDER, parties, parallel, assignments, Optional.empty());
        out.fact("Order", ORDER + " for " + parties.account() + ", DDN Suzhou to Kunming, originated by " + SZ);
        out.fact("Committed completion (parallel)", opened.committedCompletion() + " ("
                + days(parallel.longestPath()) + " days)");
        out.fact("Committed completion (sequential)", sequential.committedCompletion(start, BusinessCalendar.allDays(ZONE))
                + " (" + days(sequential.longestPath()) + " days)");
        out.gantt(new Block.GanttChart("Parallel plan: earliest start to earliest finish of each stage",
                bars(parallel, start)));
        out.gantt(new Block.GanttChart("Sequential plan: earliest start to earliest finish of each stage",
                bars(sequential, start)));

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

        FaultTickets faults = faults(context);
        context.moveTo(LocalDateTime.of(2027, 1, 18, 9, 0));
        List<String> states = new ArrayList<>();
        states.add(faults.report(CALL_CENTRE, TICKET, parties.account(), parties.product(), FaultSource.CALL_CENTRE,
                FaultPriority.HIGH, Optional.empty(), "DDN circuit Suzhou to Kunming is down").state().name());
        context.moveTo(LocalDateTime.of(2027, 1, 18, 9, 20));
        states.add(faults.diagnose(NETWORK_CENTRE, TICKET, "far-end line card failed").state().name());
        states.add(faults.dispatch(NETWORK_CENTRE, TICKET, new FaultStation("KM-TRANS-1"), "replace the card")
                .state().name());
        context.moveTo(LocalDateTime.of(2027, 1, 18, 10, 30));
        states.add(faults.awaitCustomer(REPAIRER, TICKET, "the customer's equipment room is locked").state().name());
        context.moveTo(LocalDateTime.of(2027, 1, 18, 13, 30));
        states.add(faults.resume(REPAIRER, TICKET, "room opened").state().name());
        states.add(faults.startRepair(REPAIRER, TICKET, "on site").state().name());
        context.moveTo(LocalDateTime.of(2027, 1, 18, 15, 0));
        states.add(faults.returnRepaired(NETWORK_CENTRE, TICKET, new FaultCause("LINE-CARD"), "card replaced")
                .state().name());
        FaultTicketSnapshot replied = faults.reply(CALL_CENTRE, TICKET, "told the customer's IT director");
        states.add(replied.state().name());
        context.deliverNotifications("the fault was answered");
        out.fact("Fault states", String.join(" → ", states));
        out.fact("Resolution deadline", replied.resolution().deadline() + " (3 hours waiting for the customer credited)");

        Path orderFile = write(context.reportDir().resolve(SERVICE_ORDER_FILE), Tmf641.serviceOrderJson(accepted));
        Path ticketFile = write(context.reportDir().resolve(TROUBLE_TICKET_FILE), Tmf621.troubleTicketJson(replied));
        out.fact("TMF641 service order", orderFile.getFileName().toString());
        out.fact("TMF621 trouble ticket", ticketFile.getFileName().toString());
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
