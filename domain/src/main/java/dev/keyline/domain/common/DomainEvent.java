package dev.keyline.domain.common;

import java.time.Instant;

/**
 * Something that happened in the domain. Concrete events are records implementing this interface;
 * aggregates record them and the runtime writes them to the outbox in the same transaction.
 *
 * <p>{@link #type()} is a stable, dotted name such as {@code account.churn-warning-raised}; it
 * is what storage, the wire and notification routing use, never the Java class name.
 */
public interface DomainEvent {

    /** {@return the stable id of this event} */
    EventId eventId();

    /** {@return when it happened} */
    Instant occurredAt();

    /**
     * {@return the id of the aggregate (or population) it concerns; events of one aggregate are
     * delivered in order}
     */
    String aggregateId();

    /** {@return the stable event type name} */
    String type();

    /** {@return who should hear of it; by default only a subject naming the type and aggregate} */
    default Audience audience() {
        return Audience.of(type() + " " + aggregateId());
    }
}
