package dev.keyline.spi;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.domain.common.Require;
import java.util.List;
import java.util.Optional;

/**
 * What a storage provider gives the runtime: a transaction boundary, an outbox and the ports of
 * the areas it stores, all sharing the provider's transactions.
 *
 * <p>The ports of an area (its repositories) are handed out by type through one generic lookup,
 * {@link #port(Class)}, for example {@code storage.port(KeyAccountRepository.class)}. A port the
 * provider does not store fails with a {@link KeylineException} of reason
 * {@link ReasonCode#CONFIGURATION} naming the provider and the area that declares the port, so a
 * provider written before an area existed keeps compiling and fails clearly only when the area is
 * used. A provider that stores an area serves each of its ports (the same object on every call)
 * and proves it with the area's contracts in the compatibility kit.
 */
public interface StorageProvider {

    /** {@return the provider's transaction boundary} */
    Transactions transactions();

    /** {@return the provider's outbox} */
    Outbox outbox();

    /**
     * {@return a short name for logs and messages, for example {@code in-memory} or {@code
     * jdbc:h2}}
     */
    String name();

    /**
     * The provider's implementation of a port, if it stores the area that declares the port.
     *
     * @param type the port type, for example {@code KeyAccountRepository.class}
     * @param <P> the port type
     * @return the implementation, sharing this provider's transactions; empty by default
     */
    default <P> Optional<P> findPort(Class<P> type) {
        Require.nonNull(type, "type");
        return Optional.empty();
    }

    /**
     * The provider's implementation of a port.
     *
     * @param type the port type, for example {@code KeyAccountRepository.class}
     * @param <P> the port type
     * @return the implementation, sharing this provider's transactions
     * @throws KeylineException with reason {@link ReasonCode#CONFIGURATION}, naming the area, when
     *     the provider does not store the area that declares the port
     */
    default <P> P port(Class<P> type) {
        Require.nonNull(type, "type");
        return findPort(type).orElseThrow(() -> Areas.notStored(name(), type));
    }

    /**
     * The areas this provider stores; every port of each is served by {@link #port(Class)}.
     *
     * @return the areas, empty by default
     */
    default List<Area> areas() {
        return List.of();
    }
}
