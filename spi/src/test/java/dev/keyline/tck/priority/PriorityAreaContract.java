package dev.keyline.tck.priority;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the customer-priority area in one class: every contract of the
 * area as a {@code @Nested} group. A storage provider that stores the area runs all of it by
 * extending this class:
 *
 * <pre>{@code
 * class MyProviderPriorityAreaTest extends PriorityAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 */
public abstract class PriorityAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link PriorityRepositoryContract} on this provider. */
    @Nested
    class Repositories extends PriorityRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return PriorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            PriorityAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return PriorityAreaContract.this.propertyExamples();
        }
    }

    /** {@link PriorityServicesContract} on this provider. */
    @Nested
    class Services extends PriorityServicesContract {

        @Override
        protected StorageProvider newStorage() {
            return PriorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            PriorityAreaContract.this.discard(used);
        }
    }
}
