package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A predecessor row as a JPA entity over Keyline's {@code keyline_provisioning_stage_after} table. */
@Entity
@Table(name = "keyline_provisioning_stage_after")
public class ProvisioningStageAfterEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "provisioning_order_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "stage_id")
    String stageId;
    @Column(name = "predecessor_id")
    String predecessorId;

    /** For JPA. */
    protected ProvisioningStageAfterEntity() {
    }

    /**
     * A predecessor row.
     *
     * @param key the order and line
     * @param stageId the stage
     * @param predecessorId the stage it comes after
     */
    public ProvisioningStageAfterEntity(ChildKey key, String stageId, String predecessorId) {
        this.key = key;
        this.stageId = stageId;
        this.predecessorId = predecessorId;
    }
}
