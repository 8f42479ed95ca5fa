package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A planned line's row as a JPA entity over Keyline's {@code keyline_budget_line} table. */
@Entity
@Table(name = "keyline_budget_line")
public class BudgetLineEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "budget_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "line_id")
    String lineId;
    String kind;
    String category;
    BigDecimal amount;
    @Column(name = "control_request")
    String controlRequest;
    @Column(name = "control_order")
    String controlOrder;
    @Column(name = "control_invoice")
    String controlInvoice;
    @Column(name = "parent_line_id")
    String parentLineId;

    /** For JPA. */
    protected BudgetLineEntity() {
    }

    /**
     * A line's row.
     *
     * @param key the budget and line number
     * @param lineId the line's id
     * @param kind its kind
     * @param category its category
     * @param amount its annual amount
     * @param controlRequest the control level of requests
     * @param controlOrder the control level of orders
     * @param controlInvoice the control level of invoices
     * @param parentLineId the parent budget's line it draws on, if any
     */
    public BudgetLineEntity(ChildKey key, String lineId, String kind, String category, BigDecimal amount,
            String controlRequest, String controlOrder, String controlInvoice, String parentLineId) {
        this.key = key;
        this.lineId = lineId;
        this.kind = kind;
        this.category = category;
        this.amount = amount;
        this.controlRequest = controlRequest;
        this.controlOrder = controlOrder;
        this.controlInvoice = controlInvoice;
        this.parentLineId = parentLineId;
    }
}
