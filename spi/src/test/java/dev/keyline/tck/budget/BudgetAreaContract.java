package dev.keyline.tck.budget;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of budgets in one class: every contract of the area as a
 * {@code @Nested} group. A storage provider that stores the area runs all of it by extending this
 * class in a few lines:
 *
 * <pre>{@code
 * class MyProviderBudgetAreaTest extends BudgetAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh storage from {@link #newStorage()} and hands it to
 * {@link #discard(StorageProvider)} afterwards. The groups are {@link Budgets} (the repository) and
 * {@link Services} (the runtime service on the provider, including concurrent issues of child
 * budgets).
 */
public abstract class BudgetAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link BudgetRepositoryContract} on this provider. */
    @Nested
    class Budgets extends BudgetRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return BudgetAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            BudgetAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return BudgetAreaContract.this.propertyExamples();
        }
    }

    /** {@link BudgetServicesContract} on this provider. */
    @Nested
    class Services extends BudgetServicesContract {

        @Override
        protected StorageProvider newStorage() {
            return BudgetAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            BudgetAreaContract.this.discard(used);
        }
    }
}
