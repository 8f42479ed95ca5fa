package dev.keyline.runtime;

import dev.keyline.spi.StorageProvider;
import java.util.List;

/**
 * An area's part of the runtime: the {@link Reaction}s with which it follows other areas' events.
 *
 * <p>Keyline's own areas are listed in {@code META-INF/services/dev.keyline.runtime.RuntimeArea};
 * a host adds one of its own with such a file in its jar. {@link Keyline.Builder#build()} wires the
 * reactions of every area found this way that the storage provider stores
 * ({@link StorageProvider#areas()}), next to the reactions given with
 * {@link Keyline.Builder#reaction(Reaction)}. Implementations have a public no-argument
 * constructor (for {@link java.util.ServiceLoader}) and no state.
 */
public interface RuntimeArea {

    /**
     * The area's name, as its {@link dev.keyline.spi.Area#name()}.
     *
     * @return the name
     */
    String name();

    /**
     * The area's reactions over a storage provider that stores the area.
     *
     * @param storage the runtime's storage provider, whose ports the reactions use
     * @return the reactions, possibly none
     */
    List<Reaction> reactions(StorageProvider storage);
}
