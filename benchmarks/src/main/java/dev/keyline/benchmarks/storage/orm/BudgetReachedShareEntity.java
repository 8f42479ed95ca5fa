package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A reached alert share's row as a JPA entity over Keyline's {@code keyline_budget_reached_share}
 * table (append-only).
 */
@Entity
@Table(name = "keyline_budget_reached_share")
public class BudgetReachedShareEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "budget_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "line_id")
    String lineId;
    BigDecimal share;

    /** For JPA. */
    protected BudgetReachedShareEntity() {
    }

    /**
     * A reached share's row.
     *
     * @param key the budget and line number
     * @param lineId the budget line that reached it
     * @param share the alert share reached
     */
    public BudgetReachedShareEntity(ChildKey key, String lineId, BigDecimal share) {
        this.key = key;
        this.lineId = lineId;
        this.share = share;
    }
}
