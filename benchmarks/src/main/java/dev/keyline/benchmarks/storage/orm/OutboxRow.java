package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns of Keyline's {@code keyline_outbox} table that every outbox row has, shared by the
 * two entities over that table: an event's row ({@link OutboxEntity}) and a pending timer's
 * ({@link OutboxTimerEntity}). The event id is the assigned id; the sequence number is left to the
 * database's identity default, so inserts still batch.
 */
@MappedSuperclass
public abstract class OutboxRow {

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

    /** For JPA. */
    protected OutboxRow() {
    }

    /**
     * A new row.
     *
     * @param eventId the event id
     * @param aggregateId the aggregate
     * @param eventType the type
     * @param occurredAt when
     * @param role the audience role
     * @param unit the audience's organisation unit
     * @param account the audience's account
     * @param station the audience's station
     * @param subject the subject
     * @param payload the event JSON
     * @param status the stored status: {@code PENDING} for an event, {@code SCHEDULED} for a pending timer
     */
    protected OutboxRow(UUID eventId, String aggregateId, String eventType, Instant occurredAt, String role, String unit,
            String account, String station, String subject, String payload, String status) {
        this.eventId = eventId;
        this.aggregateId = aggregateId;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
        this.audienceRole = role;
        this.audienceOrganisationUnit = unit;
        this.audienceAccountId = account;
        this.audienceStationId = station;
        this.audienceSubject = subject;
        this.payload = payload;
        this.status = status;
    }
}
