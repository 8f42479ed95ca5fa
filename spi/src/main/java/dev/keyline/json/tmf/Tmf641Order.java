package dev.keyline.json.tmf;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a TMF641 ServiceOrder written by Keyline keeps of a provisioning order, and so what reading
 * it back gives: {@link Tmf641#serviceOrder(ProvisioningOrderSnapshot)} writes
 * {@link #of(ProvisioningOrderSnapshot)}, {@link Tmf641#readServiceOrder(String)} reads it again.
 * Each stage is a service order item ({@link Tmf641Item}); the order's and the stages' states are
 * folded onto TMF641 states. Hand-offs are written as notes for people and not read back; a
 * stage's times (started, held, warned, due, done), the warning share and the recorded
 * responsibility are not kept.
 *
 * @param id the order's id
 * @param state the TMF641 order state
 * @param parties the account, product, originating unit, account manager and IT support
 * @param start when the order started
 * @param committedCompletion the committed completion
 * @param slaOrder the SLA order it was accepted under, or null
 * @param slaCommittedBy when that SLA class commits the circuit, or null
 * @param acceptedBy who accepted for the customer, or null
 * @param acceptedAt when, or null
 * @param items the stages, in the plan's order
 */
public record Tmf641Order(ProvisioningOrderId id, String state, ProvisioningParties parties, Instant start,
        Instant committedCompletion, String slaOrder, Instant slaCommittedBy, String acceptedBy, Instant acceptedAt,
        List<Tmf641Item> items) {

    /**
     * Validates the order and copies the items.
     *
     * @param id the order's id
     * @param state the TMF641 order state
     * @param parties the account, product, originating unit, account manager and IT support
     * @param start when the order started
     * @param committedCompletion the committed completion
     * @param slaOrder the SLA order it was accepted under, or null
     * @param slaCommittedBy when that SLA class commits the circuit, or null
     * @param acceptedBy who accepted for the customer, or null
     * @param acceptedAt when, or null
     * @param items the stages, in the plan's order
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when a
     *     required one is null, or the state is not a TMF641 order state
     */
    public Tmf641Order {
        Require.nonNull(id, "id");
        Require.nonBlank(state, "state");
        Require.that(Tmf641.ORDER_STATES.contains(state), "state", () -> "not a TMF641 order state: " + state);
        Require.nonNull(parties, "parties");
        Require.nonNull(start, "start");
        Require.nonNull(committedCompletion, "committedCompletion");
        items = List.copyOf(Require.nonNullElements(items, "items"));
    }

    /**
     * What Keyline keeps of an order in TMF641.
     *
     * @param order the stored form of an order
     * @return the kept fields
     * @throws dev.keyline.domain.common.InvalidArgumentException when the order is null
     */
    public static Tmf641Order of(ProvisioningOrderSnapshot order) {
        Require.nonNull(order, "order");
        List<Tmf641Item> items = new ArrayList<>();
        for (int i = 0; i < order.plan().size(); i++) {
            PlannedStage planned = order.plan().get(i);
            StageProgress progress = order.stages().get(i);
            items.add(new Tmf641Item(planned.id(), planned.duration(), planned.after(), progress.assignment(),
                    Tmf641.itemState(progress.state())));
        }
        return new Tmf641Order(order.id(), Tmf641.orderState(order.state()), order.parties(), order.start(),
                order.committedCompletion(), order.slaLink() == null ? null : order.slaLink().slaOrder(),
                order.slaLink() == null ? null : order.slaLink().committedBy(), order.acceptedBy(), order.acceptedAt(),
                items);
    }
}
