package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * An alert share's row as a JPA entity over Keyline's {@code keyline_budget_alert_share} table
 * (fixed with the targets).
 */
@Entity
@Table(name = "keyline_budget_alert_share")
public class BudgetAlertShareEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "budget_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    BigDecimal share;

    /** For JPA. */
    protected BudgetAlertShareEntity() {
    }

    /**
     * An alert share's row.
     *
     * @param key the budget and line
     * @param share the share of a line's issued amount at which an alert is raised
     */
    public BudgetAlertShareEntity(ChildKey key, BigDecimal share) {
        this.key = key;
        this.share = share;
    }
}
