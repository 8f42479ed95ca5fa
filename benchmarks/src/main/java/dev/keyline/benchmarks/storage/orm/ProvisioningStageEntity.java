package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stage row as a JPA entity over Keyline's {@code keyline_provisioning_stage} table. */
@Entity
@Table(name = "keyline_provisioning_stage")
public class ProvisioningStageEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "provisioning_order_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "stage_id")
    String stageId;
    @Column(name = "planned_nanos")
    long plannedNanos;
    @Column(name = "station_id")
    String stationId;
    @Column(name = "unit_id")
    String unitId;
    @Column(name = "station_manager")
    String stationManager;
    String executor;
    @Column(name = "stage_state")
    String stageState;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "held_since")
    Instant heldSince;
    @Column(name = "held_nanos")
    long heldNanos;
    @Column(name = "warning_at")
    Instant warningAt;
    @Column(name = "due_at")
    Instant dueAt;
    boolean warned;
    boolean escalated;
    @Column(name = "done_at")
    Instant doneAt;

    /** For JPA. */
    protected ProvisioningStageEntity() {
    }

    /**
     * A stage row.
     *
     * @param key the order and line
     * @param stageId the stage
     * @param plannedNanos its planned time
     * @param stationId the station
     * @param unitId the unit
     * @param stationManager the station manager
     * @param executor the executor
     * @param stageState the state
     * @param warningAt the warning time, if running
     * @param dueAt the due time, if running
     */
    public ProvisioningStageEntity(ChildKey key, String stageId, long plannedNanos, String stationId, String unitId,
            String stationManager, String executor, String stageState, Instant warningAt, Instant dueAt) {
        this.key = key;
        this.stageId = stageId;
        this.plannedNanos = plannedNanos;
        this.stationId = stationId;
        this.unitId = unitId;
        this.stationManager = stationManager;
        this.executor = executor;
        this.stageState = stageState;
        this.warningAt = warningAt;
        this.dueAt = dueAt;
    }

    /**
     * Records the stage's progress, as the domain computed it; the flush writes the row.
     *
     * @param state the state
     * @param started when it started, if it did
     * @param held when its hold began, if held
     * @param heldTime the time it was held so far, in nanoseconds
     * @param warning the warning time, if running
     * @param due the due time, if running
     * @param warnedYet whether its warning was raised
     * @param escalatedYet whether it was escalated
     * @param done when it was done, if it is
     */
    public void progress(String state, Instant started, Instant held, long heldTime, Instant warning, Instant due,
            boolean warnedYet, boolean escalatedYet, Instant done) {
        this.stageState = state;
        this.startedAt = started;
        this.heldSince = held;
        this.heldNanos = heldTime;
        this.warningAt = warning;
        this.dueAt = due;
        this.warned = warnedYet;
        this.escalated = escalatedYet;
        this.doneAt = done;
    }
}
