package dev.keyline.benchmarks.storage.orm;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.json.KeylineJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A pending timer as a JPA entity over Keyline's {@code keyline_outbox} table, beside
 * {@link OutboxEntity} over the same table: an outbox row stored with status {@code SCHEDULED},
 * its key in {@code timer_key} and {@code pending_timer_key} (unique while it is pending) and its
 * due time in {@code timer_due_at}, the event's time. The event id is the assigned id and the
 * sequence number is left to the database's identity default, as for {@link OutboxEntity}.
 * Moving or cancelling a pending timer goes by its key ({@link #RESCHEDULE}, {@link #CANCEL}),
 * as the program knows the key and not the row's event id, and moving it changes the event id.
 */
@Entity
@Table(name = "keyline_outbox")
public class OutboxTimerEntity {

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

    @Id
    @Column(name = "event_id")
    UUID eventId;
    @Column(name = "aggregate_id")
    String aggregateId;
    @Column(name = "event_type")
    String eventType;
    @Column(name = "occurred_at")
    Instant occurredAt;
    @Column(name = "audience_role")
    String audienceRole;
    @Column(name = "audience_organisation_unit")
    String audienceOrganisationUnit;
    @Column(name = "audience_account_id")
    String audienceAccountId;
    @Column(name = "audience_station_id")
    String audienceStationId;
    @Column(name = "audience_subject")
    String audienceSubject;
    String payload;
    String status;
    long version;
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
        Audience a = event.audience();
        this.eventId = event.eventId().value();
        this.aggregateId = event.aggregateId();
        this.eventType = event.type();
        this.occurredAt = event.occurredAt();
        this.audienceRole = a.role();
        this.audienceOrganisationUnit = a.organisationUnit();
        this.audienceAccountId = a.accountId();
        this.audienceStationId = a.stationId();
        this.audienceSubject = a.subject();
        this.payload = json.writeEvent(event);
        this.status = "SCHEDULED";
        this.timerKey = key;
        this.pendingTimerKey = key;
        this.timerDueAt = event.occurredAt();
    }
}
