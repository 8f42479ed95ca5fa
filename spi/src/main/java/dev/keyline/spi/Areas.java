package dev.keyline.spi;

import dev.keyline.domain.common.Require;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Finding and merging the registration objects of areas, in any layer: the core's {@link Area}s,
 * a storage provider's area installers, a kit's contracts.
 *
 * <p>{@link #discover(Class, Function)} lists what {@link ServiceLoader} finds for a layer's
 * registration type with the context class loader of the calling thread (or Keyline's loader when
 * there is none). {@link #merge(Collection, Collection, Function)} joins those with the ones a host
 * gives explicitly. In both, two objects of one class with one name count as one area (the first is
 * kept), while two objects of different classes claiming one name are a
 * {@link ConfigurationException}: areas never replace one another silently.
 */
public final class Areas {

    // registration objects have no state, so those of one class loader are shared; softly held, so
    // that the cached objects never keep a discarded class loader (a redeployed host) alive
    private static final Map<ClassLoader, Map<Class<?>, SoftReference<List<?>>>> LOADED = new WeakHashMap<>();

    private Areas() {
    }

    /**
     * The registration objects of a layer that {@link ServiceLoader} finds, de-duplicated by name.
     *
     * @param layer the registration type, for example {@code Area.class}
     * @param nameOf the name of a registration object, for example {@code Area::name}
     * @param <T> the registration type
     * @return the objects found, in the order found
     * @throws ConfigurationException when a listed class cannot be loaded, or two classes claim one name
     */
    public static <T> List<T> discover(Class<T> layer, Function<? super T, String> nameOf) {
        Require.nonNull(layer, "layer");
        Require.nonNull(nameOf, "nameOf");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : layer.getClassLoader();
        return merge(loaded(layer, loader), List.of(), nameOf);
    }

    /** What ServiceLoader lists for {@code layer} with {@code loader}, loaded once per loader. */
    private static <T> List<T> loaded(Class<T> layer, ClassLoader loader) {
        synchronized (LOADED) {
            Map<Class<?>, SoftReference<List<?>>> ofLoader = LOADED.computeIfAbsent(loader, l -> new HashMap<>());
            SoftReference<List<?>> held = ofLoader.get(layer);
            List<?> cached = held == null ? null : held.get();
            if (cached == null) {
                List<T> found = new ArrayList<>();
                try {
                    for (T registration : ServiceLoader.load(layer, loader)) {
                        found.add(registration);
                    }
                } catch (ServiceConfigurationError e) {
                    throw new ConfigurationException("an area registration listed for ServiceLoader under "
                            + layer.getName() + " cannot be loaded: " + e.getMessage(), e);
                }
                cached = List.copyOf(found);
                ofLoader.put(layer, new SoftReference<>(cached));
            }
            return ((List<?>) cached).stream().map(layer::cast).toList();
        }
    }

    /**
     * The union of two lists of registration objects, de-duplicated by name.
     *
     * @param first the objects that come first, for example those discovered
     * @param then the objects that follow, for example those a host named explicitly
     * @param nameOf the name of a registration object
     * @param <T> the registration type
     * @return the merged list, in order
     * @throws ConfigurationException when two objects of different classes claim one name
     */
    public static <T> List<T> merge(Collection<? extends T> first, Collection<? extends T> then,
            Function<? super T, String> nameOf) {
        Require.nonNullElements(first, "first");
        Require.nonNullElements(then, "then");
        Require.nonNull(nameOf, "nameOf");
        Map<String, T> byName = new LinkedHashMap<>();
        List<T> all = new ArrayList<>(first);
        all.addAll(then);
        for (T registration : all) {
            String name = Require.nonBlank(nameOf.apply(registration), "name of " + registration.getClass().getName());
            T existing = byName.putIfAbsent(name, registration);
            if (existing != null && !existing.getClass().equals(registration.getClass())) {
                throw new ConfigurationException("two registrations claim the area '" + name + "': "
                        + existing.getClass().getName() + " and " + registration.getClass().getName()
                        + "; an area name belongs to one area only, so rename one of them");
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * The discovered area that declares {@code port}, if any.
     *
     * @param port a port type
     * @return the area whose {@link Area#ports()} include it
     */
    public static Optional<Area> declaring(Class<?> port) {
        Require.nonNull(port, "port");
        return discover(Area.class, Area::name).stream().filter(a -> a.ports().contains(port)).findFirst();
    }

    /**
     * The error of a provider asked for a port it does not store: a {@link ConfigurationException}
     * naming the provider, the area that declares the port (when one is registered) and the port.
     *
     * @param provider the provider's name
     * @param port the port asked for
     * @return the exception, to throw
     */
    public static ConfigurationException notStored(String provider, Class<?> port) {
        Require.nonNull(provider, "provider");
        Require.nonNull(port, "port");
        String what = declaring(port).map(a -> "the area '" + a.name() + "' (port " + port.getSimpleName() + ")")
                .orElse("the port " + port.getName() + ", which no registered area declares");
        return new ConfigurationException("storage provider '" + provider + "' does not store " + what
                + "; use a provider that does, such as Keyline's in-memory or JDBC provider, and register the area"
                + " with it");
    }
}
