package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A provisioning order's row as a JPA entity over Keyline's {@code keyline_provisioning_order} table. */
@Entity
@Table(name = "keyline_provisioning_order")
public class ProvisioningOrderEntity extends VersionedRow {

    @Id
    @Column(name = "provisioning_order_id")
    String id;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "product_code")
    String productCode;
    @Column(name = "originating_unit")
    String originatingUnit;
    @Column(name = "account_manager")
    String accountManager;
    @Column(name = "it_support")
    String itSupport;
    @Column(name = "start_at")
    Instant startAt;
    @Column(name = "committed_completion")
    Instant committedCompletion;
    @Column(name = "warning_share")
    BigDecimal warningShare;
    @Column(name = "sla_order")
    String slaOrder;
    @Column(name = "sla_committed_by")
    Instant slaCommittedBy;
    @Column(name = "order_state")
    String orderState;
    @Column(name = "accepted_by")
    String acceptedBy;
    @Column(name = "accepted_at")
    Instant acceptedAt;
    @Column(name = "last_changed_at")
    Instant lastChangedAt;

    /** For JPA. */
    protected ProvisioningOrderEntity() {
    }

    /**
     * A new order's row, version 1.
     *
     * @param id the order id
     * @param accountId the account
     * @param productCode the product
     * @param originatingUnit the originating unit
     * @param accountManager the account manager
     * @param itSupport the IT support
     * @param startAt the start
     * @param committedCompletion the committed completion
     * @param warningShare the warning share
     * @param orderState the state
     * @param lastChangedAt the last change
     */
    public ProvisioningOrderEntity(String id, String accountId, String productCode, String originatingUnit,
            String accountManager, String itSupport, Instant startAt, Instant committedCompletion, BigDecimal warningShare,
            String orderState, Instant lastChangedAt) {
        this.id = id;
        this.accountId = accountId;
        this.productCode = productCode;
        this.originatingUnit = originatingUnit;
        this.accountManager = accountManager;
        this.itSupport = itSupport;
        this.startAt = startAt;
        this.committedCompletion = committedCompletion;
        this.warningShare = warningShare;
        this.orderState = orderState;
        this.lastChangedAt = lastChangedAt;
        this.version = 1L;
        this.isNew = true;
    }

    /**
     * Records the order's state after a command, as the domain computed it; the flush writes a
     * versioned update.
     *
     * @param state the state
     * @param changedAt the last change
     */
    public void changed(String state, Instant changedAt) {
        this.orderState = state;
        this.lastChangedAt = changedAt;
    }
}
