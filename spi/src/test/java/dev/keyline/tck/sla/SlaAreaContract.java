package dev.keyline.tck.sla;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the SLA area in one class: every repository contract of the area
 * as a {@code @Nested} group. A storage provider that stores the area runs all of it by extending
 * this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderSlaAreaTest extends SlaAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh storage from {@link #newStorage()} and hands it to
 * {@link #discard(StorageProvider)} afterwards. The group is {@link ServiceLevelAgreements}; it may
 * also be run on its own by extending {@link SlaRepositoryContract}. The group
 * {@link BindingReservations} runs {@link SlaBindingReservationContract}, the resources area's binding
 * reservations reaching the SLA, so it needs a provider that stores the resource area as well.
 */
public abstract class SlaAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link SlaRepositoryContract} on this provider. */
    @Nested
    class ServiceLevelAgreements extends SlaRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return SlaAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            SlaAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return SlaAreaContract.this.propertyExamples();
        }
    }

    /** {@link SlaBindingReservationContract} on this provider. */
    @Nested
    class BindingReservations extends SlaBindingReservationContract {

        @Override
        protected StorageProvider newStorage() {
            return SlaAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            SlaAreaContract.this.discard(used);
        }
    }
}
