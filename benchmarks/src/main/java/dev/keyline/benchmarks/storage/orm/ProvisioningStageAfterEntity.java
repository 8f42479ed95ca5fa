package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A predecessor row as a JPA entity over Keyline's {@code keyline_provisioning_stage_after} table. */
@Entity
@Table(name = "keyline_provisioning_stage_after")
public class ProvisioningStageAfterEntity {

    @EmbeddedId
    ProvisioningStageEntity.LineKey key;
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
    public ProvisioningStageAfterEntity(ProvisioningStageEntity.LineKey key, String stageId, String predecessorId) {
        this.key = key;
        this.stageId = stageId;
        this.predecessorId = predecessorId;
    }
}
