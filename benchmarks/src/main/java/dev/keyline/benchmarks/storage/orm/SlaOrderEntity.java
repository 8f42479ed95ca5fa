package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An order's row as a JPA entity over Keyline's {@code keyline_sla_order} table (append-only). */
@Entity
@Table(name = "keyline_sla_order")
public class SlaOrderEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "sla_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    String reference;
    @Column(name = "product_code")
    String productCode;
    @Column(name = "service_class")
    String serviceClass;
    @Column(name = "ordered_on")
    LocalDate orderedOn;
    @Column(name = "committed_on")
    LocalDate committedOn;
    BigDecimal price;
    String currency;
    @Column(name = "accepted_by")
    String acceptedBy;
    @Column(name = "accepted_at")
    Instant acceptedAt;

    /** For JPA. */
    protected SlaOrderEntity() {
    }

    /**
     * An order row.
     *
     * @param key the SLA and line
     * @param reference the order's reference
     * @param productCode the product
     * @param serviceClass the class it was accepted in
     * @param orderedOn the date it was accepted
     * @param committedOn the date provisioning was committed by
     * @param price its price
     * @param currency the price's currency
     * @param acceptedBy who placed it
     * @param acceptedAt when
     */
    public SlaOrderEntity(ChildKey key, String reference, String productCode, String serviceClass,
            LocalDate orderedOn, LocalDate committedOn, BigDecimal price, String currency, String acceptedBy,
            Instant acceptedAt) {
        this.key = key;
        this.reference = reference;
        this.productCode = productCode;
        this.serviceClass = serviceClass;
        this.orderedOn = orderedOn;
        this.committedOn = committedOn;
        this.price = price;
        this.currency = currency;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = acceptedAt;
    }
}
