package dev.keyline.tck.workorder;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the work-order area in one class: every repository contract of
 * the area as a {@code @Nested} group. A storage provider that stores the area runs all of it by
 * extending this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderWorkOrderAreaTest extends WorkOrderAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>The groups are {@link ProvisioningOrders}, {@link FaultTickets} and {@link Timers}.
 */
public abstract class WorkOrderAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link ProvisioningOrderRepositoryContract} on this provider. */
    @Nested
    class ProvisioningOrders extends ProvisioningOrderRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return WorkOrderAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            WorkOrderAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return WorkOrderAreaContract.this.propertyExamples();
        }
    }

    /** {@link FaultTicketContract} on this provider. */
    @Nested
    class FaultTickets extends FaultTicketContract {

        @Override
        protected StorageProvider newStorage() {
            return WorkOrderAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            WorkOrderAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return WorkOrderAreaContract.this.propertyExamples();
        }
    }

    /** {@link WorkOrderTimersContract} on this provider. */
    @Nested
    class Timers extends WorkOrderTimersContract {

        @Override
        protected StorageProvider newStorage() {
            return WorkOrderAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            WorkOrderAreaContract.this.discard(used);
        }
    }
}
