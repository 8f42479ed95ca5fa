package dev.keyline.memory;

import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;

/**
 * An area's part of the in-memory provider: it builds the area's repositories over an
 * {@link InMemoryStorage}'s tables and registers them as the area's ports.
 *
 * <p>Keyline's own areas are listed in {@code META-INF/services/dev.keyline.memory.InMemoryArea}
 * and installed by every {@link InMemoryStorage}; a host adds one of its own with such a file in
 * its jar or explicitly with {@link InMemoryStorage.Builder#area(InMemoryArea)}. Implementations
 * have a public no-argument constructor (for {@link java.util.ServiceLoader}) and no state.
 */
public interface InMemoryArea {

    /**
     * The area this object stores.
     *
     * @return the area, whose {@link Area#ports()} {@link #install} registers, every one of them
     */
    Area area();

    /**
     * The area's name.
     *
     * @return {@code area().name()}
     */
    default String name() {
        return area().name();
    }

    /**
     * Builds the area's repositories over {@code storage} and registers each as one of the area's
     * ports.
     *
     * @param storage the storage whose tables hold the area's state
     * @param ports where to register the repositories
     */
    void install(InMemoryStorage storage, PortRegistry ports);
}
