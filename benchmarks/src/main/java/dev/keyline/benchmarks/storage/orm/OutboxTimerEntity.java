package dev.keyline.benchmarks.storage.orm;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.json.KeylineJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A pending timer as a JPA entity over Keyline's {@code keyline_outbox} table, beside
 * {@link OutboxEntity} over the same table (the columns both have are in {@link OutboxRow}): an
 * outbox row stored with status {@code SCHEDULED}, its key in {@code timer_key} and
 * {@code pending_timer_key} (unique while it is pending) and its due time in
 * {@code timer_due_at}, the event's time. Moving or cancelling a pending timer goes by its key
 * ({@link #RESCHEDULE}, {@link #CANCEL}), as the program knows the key and not the row's event id,
 * and moving it changes the event id.
 */
@Entity
@Table(name = "keyline_outbox")
public class OutboxTimerEntity extends OutboxRow {

    /**
     * Moves the pending timer {@code :key} to a new event and due time, in place (HQL): the parameters
     * {@code eventId}, {@code type}, {@code at}, {@code role}, {@code unit}, {@code account},
     * {@code station}, {@code subject}, {@code payload} and {@code key}.
     */
    public static final String RESCHEDULE = "update OutboxTimerEntity t set t.eventId = :eventId, t.eventType = :type, "
            + "t.occurredAt = :at, t.audienceRole = :role, t.audienceOrganisationUnit = :unit, "
            + "t.audienceAccountId = :account, t.audienceStationId = :station, t.audienceSubject = :subject, "
            + "t.payload = :payload, t.timerDueAt = :at where t.pendingTimerKey = :key and t.status = 'SCHEDULED'";

    /** Cancels the pending timer {@code :key} (HQL). */
    public static final String CANCEL =
            "delete from OutboxTimerEntity t where t.pendingTimerKey = :key and t.status = 'SCHEDULED'";

    @Column(name = "timer_key")
    String timerKey;
    @Column(name = "pending_timer_key")
    String pendingTimerKey;
    @Column(name = "timer_due_at")
    Instant timerDueAt;

    /** For JPA. */
    protected OutboxTimerEntity() {
    }

    /**
     * A pending timer: {@code event} due at its time, under {@code key}.
     *
     * @param key the timer's key
     * @param event the event to deliver when it is due
     * @param json the mapper that writes the payload
     */
    public OutboxTimerEntity(String key, DomainEvent event, KeylineJson json) {
        super(event.eventId().value(), event.aggregateId(), event.type(), event.occurredAt(), event.audience().role(),
                event.audience().organisationUnit(), event.audience().accountId(), event.audience().stationId(),
                event.audience().subject(), json.writeEvent(event), "SCHEDULED");
        this.timerKey = key;
        this.pendingTimerKey = key;
        this.timerDueAt = event.occurredAt();
    }
}
