package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A spend fact as a JPA entity over Keyline's {@code keyline_spend_fact} table (append-only). */
@Entity
@Table(name = "keyline_spend_fact")
public class SpendFactEntity {

    @Id
    @Column(name = "fact_id")
    String factId;
    @Column(name = "account_id")
    String accountId;
    @Column(name = "network_id")
    String networkId;
    @Column(name = "spend_month")
    String spendMonth;
    BigDecimal amount;
    String currency;
    @Column(name = "recorded_at")
    Instant recordedAt;
    String corrects;

    /** For JPA. */
    protected SpendFactEntity() {
    }

    /**
     * An original fact in CNY.
     *
     * @param id the fact id
     * @param account the account
     * @param network the network
     * @param month the month, {@code YYYY-MM}
     * @param amount the amount
     * @param at when it was recorded
     */
    public SpendFactEntity(String id, String account, String network, String month, BigDecimal amount, Instant at) {
        this.factId = id;
        this.accountId = account;
        this.networkId = network;
        this.spendMonth = month;
        this.amount = amount;
        this.currency = "CNY";
        this.recordedAt = at;
    }
}
