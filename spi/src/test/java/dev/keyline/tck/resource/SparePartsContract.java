package dev.keyline.tck.resource;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The compatibility kit of spare parts in the resource area, in one class: each contract as a
 * {@code @Nested} group, so the area's whole kit can include it. A storage provider that stores
 * the area runs it by extending this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderSparePartsTest extends SparePartsContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>The groups are {@link Stocks}, {@link Consumption} and {@link Services}; each may also be run
 * on its own by extending its contract class.
 */
public abstract class SparePartsContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link SpareStockRepositoryContract} on this provider. */
    @Nested
    class Stocks extends SpareStockRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return SparePartsContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            SparePartsContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return SparePartsContract.this.propertyExamples();
        }
    }

    /** {@link SpareConsumptionRepositoryContract} on this provider. */
    @Nested
    class Consumption extends SpareConsumptionRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return SparePartsContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            SparePartsContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return SparePartsContract.this.propertyExamples();
        }
    }

    /** {@link SparePartsServicesContract} on this provider. */
    @Nested
    class Services extends SparePartsServicesContract {

        @Override
        protected StorageProvider newStorage() {
            return SparePartsContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            SparePartsContract.this.discard(used);
        }
    }
}
