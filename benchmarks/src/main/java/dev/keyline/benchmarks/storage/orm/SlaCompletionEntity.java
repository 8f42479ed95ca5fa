package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An order's completion feedback as a JPA entity over Keyline's {@code keyline_sla_completion} table (append-only). */
@Entity
@Table(name = "keyline_sla_completion")
public class SlaCompletionEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "sla_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    String reference;
    @Column(name = "completed_on")
    LocalDate completedOn;
    @Column(name = "on_time")
    boolean onTime;
    @Column(name = "reported_by")
    String reportedBy;
    @Column(name = "reported_at")
    Instant reportedAt;

    /** For JPA. */
    protected SlaCompletionEntity() {
    }

    /**
     * A completion row.
     *
     * @param key the SLA and line
     * @param reference the order's reference
     * @param completedOn the date it was completed
     * @param onTime whether that was by its committed date
     * @param reportedBy who reported it
     * @param reportedAt when
     */
    public SlaCompletionEntity(ChildKey key, String reference, LocalDate completedOn, boolean onTime,
            String reportedBy, Instant reportedAt) {
        this.key = key;
        this.reference = reference;
        this.completedOn = completedOn;
        this.onTime = onTime;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }
}
