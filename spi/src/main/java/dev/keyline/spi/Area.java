package dev.keyline.spi;

import dev.keyline.domain.common.DomainEvent;
import java.util.Set;

/**
 * A business area as the core sees it: its name, the storage ports a provider implements for it,
 * and the sealed interfaces of its events. One object per area, with no state.
 *
 * <p>Keyline's own areas are found with {@link java.util.ServiceLoader}: each is listed in a
 * {@code META-INF/services/dev.keyline.spi.Area} file of the jar that holds it. A host adds an
 * area of its own the same way, in its own jar, without editing Keyline; see {@link Areas}.
 * The JSON event registry reads every event type of every area found this way, and a storage
 * provider names the area of a port it does not store.
 */
public interface Area {

    /**
     * The area's short name, lower case, for example {@code account}; unique among the areas of one
     * runtime, and used in messages.
     *
     * @return the name
     */
    String name();

    /**
     * The storage ports of the area: the interfaces a storage provider implements so that the
     * area's services can keep their state, for example its repositories.
     *
     * @return the port types, never empty for an area with state
     */
    Set<Class<?>> ports();

    /**
     * The sealed interfaces of the area's events. Every record they permit (directly or through
     * further sealed interfaces) is an event of the area and declares its stable type name in a
     * {@code public static final String TYPE} constant.
     *
     * @return the sealed event interfaces
     */
    Set<Class<? extends DomainEvent>> eventRoots();
}
