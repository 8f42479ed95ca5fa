package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;

/**
 * A command addressed a provisioning order in a state that does not take it: any change after the
 * customer accepted, or an acceptance before every stage is done. Nothing changed.
 */
public class ProvisioningOrderRefusedException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** The order's state when the command was refused. */
    private final ProvisioningOrderState state;

    /**
     * @param order the order
     * @param state its state
     * @param why what was refused and why
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the argument that is null or blank
     */
    public ProvisioningOrderRefusedException(ProvisioningOrderId order, ProvisioningOrderState state, String why) {
        super("provisioning order " + Require.nonNull(order, "order") + " (" + Require.nonNull(state, "state") + "): "
                + Require.text(why, "why"));
        this.state = state;
    }

    /**
     * The order's state when the command was refused.
     *
     * @return the state
     */
    public ProvisioningOrderState state() {
        return state;
    }
}
