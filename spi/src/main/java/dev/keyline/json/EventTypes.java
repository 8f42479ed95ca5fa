package dev.keyline.json;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of event types: the stable type name of each event (its {@link DomainEvent#type()})
 * and the record class that reads it back, so a host can turn an outbox payload or a
 * notification into the event again with {@link KeylineJson#readEvent(String, String)}.
 *
 * <p>Hosts register the types they read; the runtime also registers every type it writes. A name
 * maps to one class for good: registering it again with another class fails. Thread-safe.
 */
public final class EventTypes {

    private final Map<String, Class<? extends DomainEvent>> classes = new ConcurrentHashMap<>();

    /** An empty registry. */
    public EventTypes() {
    }

    /**
     * Maps {@code type} to {@code eventClass}.
     *
     * @param type the stable type name, for example {@code account.churn-warning-raised}
     * @param eventClass the record class of events of that type
     * @return this registry
     * @throws SerialisationException when the name is already mapped to another class
     */
    public EventTypes register(String type, Class<? extends DomainEvent> eventClass) {
        Require.nonBlank(type, "type");
        Require.nonNull(eventClass, "eventClass");
        Require.that(eventClass.isRecord(), "eventClass", "must be a record class but was " + eventClass.getName());
        Class<? extends DomainEvent> existing = classes.putIfAbsent(type, eventClass);
        if (existing != null && !existing.equals(eventClass)) {
            throw new SerialisationException("event type '" + type + "' is registered for " + existing.getName()
                    + " and cannot also name " + eventClass.getName());
        }
        return this;
    }

    /** Registers the type of {@code event} for its class. */
    public EventTypes register(DomainEvent event) {
        Require.nonNull(event, "event");
        return register(event.type(), event.getClass());
    }

    /** The class registered for {@code type}, if any. */
    public Optional<Class<? extends DomainEvent>> classOf(String type) {
        Require.nonBlank(type, "type");
        return Optional.ofNullable(classes.get(type));
    }

    /** The registered type names, sorted. */
    public SortedSet<String> types() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(classes.keySet()));
    }
}
