package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A service agreement's row as a JPA entity over Keyline's {@code keyline_sla_agreement} table (append-only). */
@Entity
@Table(name = "keyline_sla_agreement")
public class SlaAgreementEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "sla_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "product_code")
    String productCode;
    @Column(name = "monthly_volumes")
    String monthlyVolumes;
    @Column(name = "expected_minimum")
    int expectedMinimum;
    @Column(name = "expected_maximum")
    int expectedMaximum;
    @Column(name = "unit_price")
    BigDecimal unitPrice;
    String currency;
    String differentiation;
    BigDecimal discount;
    String qos;
    String penalties;

    /** For JPA. */
    protected SlaAgreementEntity() {
    }

    /**
     * An agreement row.
     *
     * @param key the SLA and line
     * @param productCode the product
     * @param monthlyVolumes the agreed volume of every month, separated by single spaces
     * @param expectedMinimum the fewest units expected over the period
     * @param expectedMaximum the most units expected over the period
     * @param unitPrice the unit price
     * @param currency the unit price's currency
     * @param differentiation how the price differs
     * @param discount the discount
     * @param qos the service level promised
     * @param penalties the penalties when it is missed
     */
    public SlaAgreementEntity(ChildKey key, String productCode, String monthlyVolumes, int expectedMinimum,
            int expectedMaximum, BigDecimal unitPrice, String currency, String differentiation, BigDecimal discount,
            String qos, String penalties) {
        this.key = key;
        this.productCode = productCode;
        this.monthlyVolumes = monthlyVolumes;
        this.expectedMinimum = expectedMinimum;
        this.expectedMaximum = expectedMaximum;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.differentiation = differentiation;
        this.discount = discount;
        this.qos = qos;
        this.penalties = penalties;
    }
}
