package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;

/**
 * A command asked a stage of a provisioning order for a step its state does not allow, for
 * example to start a stage whose predecessors are not done or to resume one not on hold. Nothing
 * changed.
 */
public class StageTransitionRefusedException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    private final transient StageId stage;
    /** The stage's state when the step was refused. */
    private final StageState state;
    /** The step refused. */
    private final String step;

    /**
     * @param order the order
     * @param stage the stage
     * @param state the stage's state
     * @param step the step refused, for example {@code start}
     * @param why why, completing "cannot STEP stage S of order O (STATE): "
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the argument that is null or blank
     */
    public StageTransitionRefusedException(ProvisioningOrderId order, StageId stage, StageState state, String step,
            String why) {
        super(message(order, stage, state, step, why));
        this.stage = stage;
        this.state = state;
        this.step = step;
    }

    private static String message(ProvisioningOrderId order, StageId stage, StageState state, String step, String why) {
        Require.nonNull(order, "order");
        Require.nonNull(stage, "stage");
        Require.nonNull(state, "state");
        Require.text(step, "step");
        Require.text(why, "why");
        return "cannot " + step + " stage " + stage + " of provisioning order " + order + " (" + state + "): " + why;
    }

    /**
     * The stage.
     *
     * @return the stage
     */
    public StageId stage() {
        return stage;
    }

    /**
     * The stage's state when the step was refused.
     *
     * @return the state
     */
    public StageState state() {
        return state;
    }

    /**
     * The step refused: {@code start}, {@code hold}, {@code resume}, {@code complete},
     * {@code hand off}, {@code warn} or {@code escalate}.
     *
     * @return the step
     */
    public String step() {
        return step;
    }
}
