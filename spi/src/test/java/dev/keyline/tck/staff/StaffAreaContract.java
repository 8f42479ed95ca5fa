package dev.keyline.tck.staff;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the HR interface area in one class: every contract of the area
 * as a {@code @Nested} group. A storage provider that stores the area runs all of it by extending
 * this class and implementing {@link #newStorage()}.
 */
public abstract class StaffAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** {@link StaffingRepositoryContract} on this provider. */
    @Nested
    class Staffing extends StaffingRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return StaffAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            StaffAreaContract.this.discard(used);
        }
    }

    /** {@link IncentiveLedgerRepositoryContract} on this provider. */
    @Nested
    class IncentiveLedgers extends IncentiveLedgerRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return StaffAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            StaffAreaContract.this.discard(used);
        }
    }

    /** {@link StaffServicesContract} on this provider. */
    @Nested
    class Services extends StaffServicesContract {

        @Override
        protected StorageProvider newStorage() {
            return StaffAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            StaffAreaContract.this.discard(used);
        }
    }
}
