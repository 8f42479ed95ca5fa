package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as a JPA entity over Keyline's {@code keyline_outbox} table, with the event id as
 * the assigned id; the sequence number is left to the database's identity default, so inserts
 * still batch.
 */
@Entity
@Table(name = "keyline_outbox")
public class OutboxEntity {

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

    /**
     * The entity of a hand-built key-account event.
     *
     * @param row the row
     * @return the entity
     */
    public static OutboxEntity of(dev.keyline.benchmarks.storage.KeyAccountEvents.Row row) {
        return new OutboxEntity(row.eventId(), row.aggregateId(), row.type(), dev.keyline.benchmarks.storage.Fixture.NOW,
                row.role(), row.unit(), row.account(), null, row.subject(), row.payload());
    }

    /**
     * The entity of a domain event, its payload written by {@code json}.
     *
     * @param event the event
     * @param json the mapper
     * @return the entity
     */
    public static OutboxEntity of(dev.keyline.domain.common.DomainEvent event, dev.keyline.json.KeylineJson json) {
        dev.keyline.domain.common.Audience a = event.audience();
        return new OutboxEntity(event.eventId().value(), event.aggregateId(), event.type(), event.occurredAt(), a.role(),
                a.organisationUnit(), a.accountId(), a.stationId(), a.subject(), json.writeEvent(event));
    }

    /** For JPA. */
    protected OutboxEntity() {
    }

    /**
     * A pending entry.
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
     */
    public OutboxEntity(UUID eventId, String aggregateId, String eventType, Instant occurredAt, String role, String unit,
            String account, String station, String subject, String payload) {
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
        this.status = "PENDING";
    }
}
