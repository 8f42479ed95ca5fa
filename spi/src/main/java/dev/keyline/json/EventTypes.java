package dev.keyline.json;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Area;
import dev.keyline.spi.Areas;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * <p>{@link #standard()} knows every event type of every registered {@link Area} (Keyline's own
 * and any a host lists for {@link java.util.ServiceLoader}), so a host (or a runtime built after a
 * restart) reads them back without registering anything; hosts may also register types one by one,
 * and the runtime registers every type it writes. A name maps to one class for good:
 * registering it again with another class fails. Thread-safe.
 */
public final class EventTypes {

    private final Map<String, Class<? extends DomainEvent>> classes = new ConcurrentHashMap<>();

    /** An empty registry. */
    public EventTypes() {
    }

    /**
     * A registry holding every event type of every area {@link java.util.ServiceLoader} finds, each
     * under its stable type name: the records permitted by the area's sealed event interfaces
     * ({@link Area#eventRoots()}), read through further sealed interfaces, each naming its type in
     * a {@code public static final String TYPE} constant.
     *
     * @return a new registry, which the caller may extend
     * @throws SerialisationException when an event record declares no such constant
     */
    public static EventTypes standard() {
        EventTypes types = new EventTypes();
        for (Area area : Areas.discover(Area.class, Area::name)) {
            types.registerArea(area);
        }
        return types;
    }

    /**
     * Registers every event type of {@code area}: the records its sealed event interfaces permit.
     *
     * @param area the area
     * @return this registry
     * @throws SerialisationException when an event record declares no {@code TYPE} constant, or
     *     an event root is not a sealed interface of records
     */
    public EventTypes registerArea(Area area) {
        Require.nonNull(area, "area");
        for (Class<? extends DomainEvent> root : area.eventRoots()) {
            if (!SealedRecordTypes.isSealedRecordHierarchy(root)) {
                throw new SerialisationException("the event root " + root.getName() + " of the area '" + area.name()
                        + "' is not a sealed interface whose permitted types are records");
            }
            registerPermitted(area, root);
        }
        return this;
    }

    private void registerPermitted(Area area, Class<?> root) {
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                register(typeNameOf(area, permitted), permitted.asSubclass(DomainEvent.class));
            } else {
                registerPermitted(area, permitted);
            }
        }
    }

    private static String typeNameOf(Area area, Class<?> event) {
        try {
            Field field = event.getDeclaredField("TYPE");
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || !Modifier.isPublic(modifiers)
                    || field.getType() != String.class) {
                throw missingType(area, event);
            }
            String name = (String) field.get(null);
            if (name == null || name.isBlank()) {
                throw missingType(area, event);
            }
            return name;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw missingType(area, event);
        }
    }

    private static SerialisationException missingType(Area area, Class<?> event) {
        return new SerialisationException("the event " + event.getName() + " of the area '" + area.name()
                + "' must declare its stable type name as a non-blank public static final String TYPE");
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
        if (type != null && eventClass != null && classes.get(type) == eventClass) {
            return this; // registered before, and checked then: every event written passes here
        }
        Require.nonBlank(type, "type");
        Require.nonNull(eventClass, "eventClass");
        Require.that(eventClass.isRecord(), "eventClass", () -> "must be a record class but was " + eventClass.getName());
        Class<? extends DomainEvent> existing = classes.putIfAbsent(type, eventClass);
        if (existing != null && !existing.equals(eventClass)) {
            throw new SerialisationException("event type '" + type + "' is registered for " + existing.getName()
                    + " and cannot also name " + eventClass.getName());
        }
        return this;
    }

    /**
     * Registers the type of {@code event} for its class.
     *
     * @param event an event whose class and type name to register
     * @return this registry
     */
    public EventTypes register(DomainEvent event) {
        Require.nonNull(event, "event");
        return register(event.type(), event.getClass());
    }

    /**
     * {@return the class registered for {@code type}, if any}
     *
     * @param type the stable type name
     */
    public Optional<Class<? extends DomainEvent>> classOf(String type) {
        Require.nonBlank(type, "type");
        return Optional.ofNullable(classes.get(type));
    }

    /** {@return the registered type names, sorted} */
    public SortedSet<String> types() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(classes.keySet()));
    }
}
