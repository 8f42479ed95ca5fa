package dev.keyline.spi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ports a storage provider serves, by type: what areas fill in when a provider installs them,
 * and what {@link StorageProvider#findPort(Class)} reads. A type maps to one implementation for
 * good. Thread-safe.
 */
public final class PortRegistry {

    private final Map<Class<?>, Object> ports = new LinkedHashMap<>();

    /** An empty registry. */
    public PortRegistry() {
    }

    /**
     * Serves {@code implementation} as the port {@code type}.
     *
     * @param type the port type, an interface
     * @param implementation the provider's implementation of it
     * @param <P> the port type
     * @return this registry
     * @throws InvalidArgumentException when {@code implementation} does not implement {@code type}
     * @throws ConfigurationException when the type is already served
     */
    public synchronized <P> PortRegistry register(Class<P> type, P implementation) {
        Require.nonNull(type, "type");
        Require.nonNull(implementation, "implementation");
        if (!type.isInstance(implementation)) {
            throw new InvalidArgumentException("implementation", implementation.getClass().getName()
                    + " does not implement the port " + type.getName());
        }
        Object existing = ports.putIfAbsent(type, implementation);
        if (existing != null) {
            throw new ConfigurationException("the port " + type.getName() + " is already served by "
                    + existing.getClass().getName() + "; two areas cannot both provide it");
        }
        return this;
    }

    /**
     * The implementation of {@code type}, if served.
     *
     * @param type the port type
     * @param <P> the port type
     * @return the implementation
     */
    public synchronized <P> Optional<P> find(Class<P> type) {
        Require.nonNull(type, "type");
        return Optional.ofNullable(ports.get(type)).map(type::cast);
    }

    /**
     * The served port types, in registration order.
     *
     * @return an unmodifiable copy
     */
    public synchronized Set<Class<?>> types() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(ports.keySet()));
    }
}
