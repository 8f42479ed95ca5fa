package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signature's row as a JPA entity over Keyline's {@code keyline_sla_signature} table (append-only). */
@Entity
@Table(name = "keyline_sla_signature")
public class SlaSignatureEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "sla_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    String party;
    @Column(name = "signed_by")
    String signedBy;
    @Column(name = "signed_at")
    Instant signedAt;

    /** For JPA. */
    protected SlaSignatureEntity() {
    }

    /**
     * A signature row.
     *
     * @param key the SLA and line
     * @param party the party that signed
     * @param signedBy who signed for it
     * @param signedAt when
     */
    public SlaSignatureEntity(ChildKey key, String party, String signedBy, Instant signedAt) {
        this.key = key;
        this.party = party;
        this.signedBy = signedBy;
        this.signedAt = signedAt;
    }
}
