package dev.keyline.benchmarks.storage;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The provisioning-order workload, the same on every side: an order of six stages, each after the
 * one before (six stage rows, five predecessor rows, one event), then stage 1 started and done in
 * two more commands (one event each). The domain decides every value; the sides differ only in
 * how the rows get into the database.
 *
 * <p>The Keyline side runs each command through the runtime ({@link Keyline#run}) and the JDBC
 * provider's repository: the command loads the order, changes it and saves it, and the runtime
 * appends its events to the outbox in the same transaction. (The work-order service would also
 * keep each running stage's warning and escalation timers in the outbox; those are left out on
 * every side.)
 */
public final class ProvisioningMix {

    /** Stages per order. */
    public static final int STAGES = 6;

    /** Commands of the mix per order. */
    public static final int COMMANDS = 3;

    /** The calendar: every day counts, in UTC. */
    public static final BusinessCalendar CALENDAR = BusinessCalendar.allDays(ZoneOffset.UTC);

    /** The first stage. */
    public static final StageId FIRST = new StageId("S1");

    private static final StagePlan PLAN = plan();
    private static final List<StageAssignment> ASSIGNMENTS = assignments();

    private final Keyline keyline;
    private final ProvisioningOrderRepository orders;

    /**
     * The Keyline side on a fixture's runtime.
     *
     * @param fixture the fixture
     */
    public ProvisioningMix(Fixture fixture) {
        this.keyline = fixture.keyline();
        this.orders = fixture.storage().port(ProvisioningOrderRepository.class);
    }

    /** The id of order {@code n}. */
    public static String orderId(long n) {
        return Ids.padded("PO-", n);
    }

    /**
     * Order {@code n} as the domain opens it at {@link Fixture#NOW}, with its event pending.
     *
     * @param n the order number
     * @return the order
     */
    public static ProvisioningOrder open(long n) {
        return open(orderId(n), n, Fixture.NOW);
    }

    /**
     * An order as the domain opens it, with its event pending.
     *
     * @param id the order id
     * @param n the order number, which picks its account
     * @param at when it opens
     * @return the order
     */
    public static ProvisioningOrder open(String id, long n, java.time.Instant at) {
        return ProvisioningOrder.open(new ProvisioningOrderId(id), new ProvisioningParties(
                new AccountId(KeyAccountMix.accountId(n % 10_000)), new ProductCode("DDN"), new LocalNetworkId("SZ"),
                new UserId("am-1"), new UserId("it-1")), PLAN, ASSIGNMENTS, at, CALENDAR,
                ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.empty());
    }

    /**
     * Opens orders {@code from} to {@code to - 1} in one transaction: one command each, all joining
     * the transaction the storage provider's {@code run} started. The JDBC provider queues the
     * orders' rows and events in that transaction and sends them as one batch per table at its
     * commit.
     *
     * @param from the first order number
     * @param to after the last
     */
    public void openAll(long from, long to) {
        keyline.transactions().run(() -> {
            for (long n = from; n < to; n++) {
                openOrder(n);
            }
        });
    }

    /** Opens order {@code n} in one command. */
    public void openOrder(long n) {
        keyline.run(ctx -> ctx.save(orders, open(n)));
    }

    /**
     * Runs the three commands for order {@code n}: open it, start stage 1, complete stage 1.
     *
     * @param n the order number
     */
    public void run(long n) {
        openOrder(n);
        ProvisioningOrderId id = new ProvisioningOrderId(orderId(n));
        keyline.run(ctx -> {
            ProvisioningOrder order = orders.get(id);
            order.start(FIRST, CALENDAR, ctx.now());
            ctx.save(orders, order);
        });
        keyline.run(ctx -> {
            ProvisioningOrder order = orders.get(id);
            order.complete(FIRST, ctx.now());
            ctx.save(orders, order);
        });
    }

    private static StagePlan plan() {
        List<PlannedStage> stages = new ArrayList<>();
        StageId previous = null;
        for (int i = 1; i <= STAGES; i++) {
            StageId id = new StageId("S" + i);
            stages.add(new PlannedStage(id, Duration.ofDays(1), previous == null ? List.of() : List.of(previous)));
            previous = id;
        }
        return StagePlan.of(stages);
    }

    private static List<StageAssignment> assignments() {
        List<StageAssignment> assignments = new ArrayList<>();
        for (PlannedStage stage : PLAN.stages()) {
            assignments.add(new StageAssignment(stage.id(), new WorkOrderStation("ST-" + stage.id().value()),
                    new LocalNetworkId("SZ"), new UserId("sm-1"), new UserId("ex-1")));
        }
        return List.copyOf(assignments);
    }
}
