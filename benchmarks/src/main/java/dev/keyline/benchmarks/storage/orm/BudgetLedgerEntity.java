package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A ledger entry's row as a JPA entity over Keyline's {@code keyline_budget_ledger} table (append-only). */
@Entity
@Table(name = "keyline_budget_ledger")
public class BudgetLedgerEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "budget_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "entry_kind")
    String entryKind;
    @Column(name = "line_id")
    String lineId;
    @Column(name = "document_id")
    String documentId;
    String stage;
    BigDecimal amount;
    @Column(name = "entered_by")
    String enteredBy;
    @Column(name = "entered_at")
    Instant enteredAt;
    String note;

    /** For JPA. */
    protected BudgetLedgerEntity() {
    }

    /**
     * A ledger entry's row.
     *
     * @param key the budget and the entry's sequence number
     * @param entryKind booking, reversal or actual
     * @param lineId the line
     * @param documentId the document
     * @param stage the document's stage
     * @param amount the amount
     * @param enteredBy who entered it
     * @param enteredAt when
     * @param note a note, if any
     */
    public BudgetLedgerEntity(ChildKey key, String entryKind, String lineId, String documentId,
            String stage, BigDecimal amount, String enteredBy, Instant enteredAt, String note) {
        this.key = key;
        this.entryKind = entryKind;
        this.lineId = lineId;
        this.documentId = documentId;
        this.stage = stage;
        this.amount = amount;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
        this.note = note;
    }
}
