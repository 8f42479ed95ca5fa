package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An SLA's row as a JPA entity over Keyline's {@code keyline_sla} table. */
@Entity
@Table(name = "keyline_sla")
public class SlaEntity extends VersionedRow {

    @Id
    @Column(name = "sla_id")
    String id;
    String department;
    @Column(name = "network_id")
    String networkId;
    @Column(name = "first_month")
    String firstMonth;
    int months;
    @Column(name = "zone_id")
    String zoneId;
    @Column(name = "change_frequency")
    int changeFrequency;
    String liability;
    @Column(name = "applicable_law")
    String applicableLaw;
    String procedures;
    String confidentiality;
    @Column(name = "third_party_purchasing")
    boolean thirdPartyPurchasing;
    @Column(name = "pricing_method")
    String pricingMethod;
    @Column(name = "drafted_by")
    String draftedBy;
    @Column(name = "drafted_at")
    Instant draftedAt;
    @Column(name = "sla_state")
    String slaState;
    @Column(name = "approved_by")
    String approvedBy;
    @Column(name = "approved_at")
    Instant approvedAt;
    @Column(name = "ended_by")
    String endedBy;
    @Column(name = "ended_at")
    Instant endedAt;
    @Column(name = "end_reason")
    String endReason;

    /** For JPA. */
    protected SlaEntity() {
    }

    /**
     * A new draft's row, version 1, neither approved nor ended.
     *
     * @param id the SLA id
     * @param department the marketing department
     * @param networkId the local network
     * @param firstMonth the period's first month, {@code YYYY-MM}
     * @param months the period's length in months
     * @param zoneId the zone its dates are reckoned in
     * @param changeFrequency how many amendments the period permits
     * @param liability the liability terms
     * @param applicableLaw the applicable law
     * @param procedures the procedures
     * @param confidentiality the confidentiality terms
     * @param thirdPartyPurchasing whether purchasing from third parties is allowed
     * @param pricingMethod the pricing method
     * @param draftedBy who drafted it
     * @param draftedAt when
     * @param slaState the state
     */
    public SlaEntity(String id, String department, String networkId, String firstMonth, int months, String zoneId,
            int changeFrequency, String liability, String applicableLaw, String procedures, String confidentiality,
            boolean thirdPartyPurchasing, String pricingMethod, String draftedBy, Instant draftedAt, String slaState) {
        this.id = id;
        this.department = department;
        this.networkId = networkId;
        this.firstMonth = firstMonth;
        this.months = months;
        this.zoneId = zoneId;
        this.changeFrequency = changeFrequency;
        this.liability = liability;
        this.applicableLaw = applicableLaw;
        this.procedures = procedures;
        this.confidentiality = confidentiality;
        this.thirdPartyPurchasing = thirdPartyPurchasing;
        this.pricingMethod = pricingMethod;
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.slaState = slaState;
        this.version = 1L;
        this.isNew = true;
    }

    /**
     * Records the SLA's state after a command, as the domain computed it; the flush writes a
     * versioned update.
     *
     * @param state the state
     */
    public void state(String state) {
        this.slaState = state;
    }

    /**
     * Records the approval, as the domain computed it; the flush writes a versioned update.
     *
     * @param state the state
     * @param by who approved it
     * @param at when
     */
    public void approved(String state, String by, Instant at) {
        this.slaState = state;
        this.approvedBy = by;
        this.approvedAt = at;
    }
}
