package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A status change's row as a JPA entity over Keyline's {@code keyline_budget_status_change} table (append-only). */
@Entity
@Table(name = "keyline_budget_status_change")
public class BudgetStatusChangeEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "budget_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "from_status")
    String fromStatus;
    @Column(name = "to_status")
    String toStatus;
    @Column(name = "changed_by")
    String changedBy;
    @Column(name = "changed_at")
    Instant changedAt;
    String reason;

    /** For JPA. */
    protected BudgetStatusChangeEntity() {
    }

    /**
     * A status change's row.
     *
     * @param key the budget and line
     * @param fromStatus the status before, if there was one
     * @param toStatus the status after
     * @param changedBy who changed it
     * @param changedAt when
     * @param reason why
     */
    public BudgetStatusChangeEntity(ChildKey key, String fromStatus, String toStatus, String changedBy,
            Instant changedAt, String reason) {
        this.key = key;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.reason = reason;
    }
}
