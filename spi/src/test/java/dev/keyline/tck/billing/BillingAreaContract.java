package dev.keyline.tck.billing;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the billing area in one class: every contract of the area as a
 * {@code @Nested} group. A storage provider that stores the area runs all of it by extending this
 * class in a few lines:
 *
 * <pre>{@code
 * class MyProviderBillingAreaTest extends BillingAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>The groups are {@link Accounts} (the billing-account repository), {@link Facts} (the
 * arrears-fact ledger) and {@link Services} (the runtime services on the provider, including a
 * credit warning that leads to a churn warning).
 */
public abstract class BillingAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link BillingAccountRepositoryContract} on this provider. */
    @Nested
    class Accounts extends BillingAccountRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return BillingAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            BillingAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return BillingAreaContract.this.propertyExamples();
        }
    }

    /** {@link ArrearsFactRepositoryContract} on this provider. */
    @Nested
    class Facts extends ArrearsFactRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return BillingAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            BillingAreaContract.this.discard(used);
        }
    }

    /** {@link BillingServicesContract} on this provider. */
    @Nested
    class Services extends BillingServicesContract {

        @Override
        protected StorageProvider newStorage() {
            return BillingAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            BillingAreaContract.this.discard(used);
        }
    }
}
