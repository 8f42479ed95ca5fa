package dev.keyline.domain.workorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link ProvisioningOrder}. Built by {@link ProvisioningOrder#snapshot()}
 * or by a storage provider from its rows; it is not validated here,
 * {@link ProvisioningOrder#restore(ProvisioningOrderSnapshot)} does that.
 *
 * @param id the order's id
 * @param version the stored version
 * @param parties the account, product, originating unit, account manager and IT support
 * @param plan the plan's stages, in the order given
 * @param start when the order started
 * @param committedCompletion the start plus the plan's longest path through the calendar
 * @param warningShare the share of a stage's planned time after which it is warned
 * @param slaLink the SLA order it was accepted under, or null
 * @param state where the order stands
 * @param stages each stage's progress, in the plan's order
 * @param handOffs every hand-off, oldest first
 * @param acceptedBy who accepted for the customer, or null before
 * @param acceptedAt when, or null before
 * @param lastChangedAt when the order last changed; no command may be dated before it
 */
public record ProvisioningOrderSnapshot(ProvisioningOrderId id, long version, ProvisioningParties parties,
        List<PlannedStage> plan, Instant start, Instant committedCompletion, BigDecimal warningShare,
        ProvisioningSlaLink slaLink, ProvisioningOrderState state, List<StageProgress> stages,
        List<StageHandOff> handOffs, String acceptedBy, Instant acceptedAt, Instant lastChangedAt) {

    /**
     * Copies the lists into unmodifiable ones (keeping any null, for restore to reject).
     *
     * @param id the order's id
     * @param version the stored version
     * @param parties the account, product, originating unit, account manager and IT support
     * @param plan the plan's stages, in the order given
     * @param start when the order started
     * @param committedCompletion the start plus the plan's longest path through the calendar
     * @param warningShare the share of a stage's planned time after which it is warned
     * @param slaLink the SLA order it was accepted under, or null
     * @param state where the order stands
     * @param stages each stage's progress, in the plan's order
     * @param handOffs every hand-off, oldest first
     * @param acceptedBy who accepted for the customer, or null before
     * @param acceptedAt when, or null before
     * @param lastChangedAt when the order last changed; no command may be dated before it
     */
    public ProvisioningOrderSnapshot {
        plan = plan == null ? null : StagePlan.kept(plan);
        stages = stages == null ? null : Collections.unmodifiableList(new ArrayList<>(stages));
        handOffs = handOffs == null ? null : Collections.unmodifiableList(new ArrayList<>(handOffs));
    }
}
