package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event's outbox row as a JPA entity over Keyline's {@code keyline_outbox} table, stored
 * {@code PENDING} (the columns in {@link OutboxRow}).
 */
@Entity
@Table(name = "keyline_outbox")
public class OutboxEntity extends OutboxRow {

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
        super(eventId, aggregateId, eventType, occurredAt, role, unit, account, station, subject, payload, "PENDING");
    }
}
