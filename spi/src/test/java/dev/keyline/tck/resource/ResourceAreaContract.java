package dev.keyline.tck.resource;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the network-resource area in one class: every contract of the
 * area as a {@code @Nested} group. A storage provider that stores the area runs all of it by
 * extending this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderResourceAreaTest extends ResourceAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>The groups are {@link Pools}, {@link Reservations} and {@link Services}; each may also be run
 * on its own by extending its contract class. The race of eight threads on one pool,
 * {@link PoolConcurrencyContract}, is run on its own, as it takes longer. {@link Services} drives key
 * accounts through their services to raise {@code account.exited}, so it needs a provider that
 * stores both areas.
 */
public abstract class ResourceAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** {@link ResourcePoolRepositoryContract} on this provider. */
    @Nested
    class Pools extends ResourcePoolRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return ResourceAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            ResourceAreaContract.this.discard(used);
        }
    }

    /** {@link ReservationRepositoryContract} on this provider. */
    @Nested
    class Reservations extends ReservationRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return ResourceAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            ResourceAreaContract.this.discard(used);
        }
    }

    /** {@link ResourceServicesContract} on this provider. */
    @Nested
    class Services extends ResourceServicesContract {

        @Override
        protected StorageProvider newStorage() {
            return ResourceAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            ResourceAreaContract.this.discard(used);
        }
    }
}
