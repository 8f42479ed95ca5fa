package dev.keyline.domain.workorder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's cross-province DDN circuit (跨省 DDN 电路开通), planned the old way (one stage after
 * another, 20 days) and the new way (the five network levels in parallel, 5 days).
 *
 * <p>The stages, in the seed's order, and the planned days chosen for them (the seed's figure
 * gives half a day for establishing the order; its other figures are not legible, so these are
 * chosen to reproduce its totals):
 * <table>
 *   <caption>Stages of the DDN plan</caption>
 *   <tr><th>stage</th><th>days</th><th>after (parallel plan)</th></tr>
 *   <tr><td>{@code order-established}</td><td>0.5</td><td>—</td></tr>
 *   <tr><td>{@code local}</td><td>3.75</td><td>order-established</td></tr>
 *   <tr><td>{@code provincial}</td><td>3.75</td><td>order-established</td></tr>
 *   <tr><td>{@code inter-provincial}</td><td>3.75</td><td>order-established</td></tr>
 *   <tr><td>{@code far-end-provincial}</td><td>3.75</td><td>order-established</td></tr>
 *   <tr><td>{@code far-end-local}</td><td>3.75</td><td>order-established</td></tr>
 *   <tr><td>{@code joint-test}</td><td>0.5</td><td>the five levels</td></tr>
 *   <tr><td>{@code acceptance}</td><td>0.25</td><td>joint-test</td></tr>
 * </table>
 * One after another: 0.5 + 5 × 3.75 + 0.5 + 0.25 = 20 days. In parallel the longest path is
 * order-established, one level, joint test, acceptance: 0.5 + 3.75 + 0.5 + 0.25 = 5 days. The
 * levels are the same work in both plans; only the waiting between them goes.
 */
public final class SeedProvisioningPlans {

    /** Establishing the order. */
    public static final StageId ORDER_ESTABLISHED = new StageId("order-established");
    /** Local provisioning at the originating end. */
    public static final StageId LOCAL = new StageId("local");
    /** Provincial provisioning at the originating end. */
    public static final StageId PROVINCIAL = new StageId("provincial");
    /** Inter-provincial provisioning. */
    public static final StageId INTER_PROVINCIAL = new StageId("inter-provincial");
    /** Provincial provisioning at the far end. */
    public static final StageId FAR_END_PROVINCIAL = new StageId("far-end-provincial");
    /** Local provisioning at the far end. */
    public static final StageId FAR_END_LOCAL = new StageId("far-end-local");
    /** The joint test of the whole circuit. */
    public static final StageId JOINT_TEST = new StageId("joint-test");
    /** The customer's acceptance. */
    public static final StageId ACCEPTANCE = new StageId("acceptance");

    private static final List<StageId> LEVELS = List.of(LOCAL, PROVINCIAL, INTER_PROVINCIAL, FAR_END_PROVINCIAL, FAR_END_LOCAL);

    private SeedProvisioningPlans() {
    }

    /**
     * The new plan: the five levels in parallel after the order is established, then the joint
     * test and acceptance; its longest path is 5 days.
     *
     * @return the parallel plan
     */
    public static StagePlan ddnParallel() {
        List<PlannedStage> stages = new ArrayList<>();
        stages.add(stage(ORDER_ESTABLISHED, "0.5", List.of()));
        for (StageId level : LEVELS) {
            stages.add(stage(level, "3.75", List.of(ORDER_ESTABLISHED)));
        }
        stages.add(stage(JOINT_TEST, "0.5", LEVELS));
        stages.add(stage(ACCEPTANCE, "0.25", List.of(JOINT_TEST)));
        return StagePlan.of(stages);
    }

    /**
     * The old plan: the same stages with the same durations, each after the one before; its
     * longest path is the sum, 20 days.
     *
     * @return the sequential plan
     */
    public static StagePlan ddnSequential() {
        List<PlannedStage> stages = new ArrayList<>();
        StageId previous = null;
        for (PlannedStage stage : ddnParallel().stages()) {
            stages.add(new PlannedStage(stage.id(), stage.duration(), previous == null ? List.of() : List.of(previous)));
            previous = stage.id();
        }
        return StagePlan.of(stages);
    }

    private static PlannedStage stage(StageId id, String days, List<StageId> after) {
        return PlannedStage.ofDays(id, new BigDecimal(days), after);
    }
}
