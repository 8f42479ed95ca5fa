package dev.keyline.tck.account;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the key-account area in one class: every repository contract of
 * the area as a {@code @Nested} group. A storage provider that stores the area runs all of it by
 * extending this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderAccountAreaTest extends AccountAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh storage from {@link #newStorage()} and hands it to
 * {@link #discard(StorageProvider)} afterwards; the properties of a test share its storage and run
 * {@link #propertyExamples()} examples each. The groups are {@link KeyAccounts},
 * {@link SpendFacts}, {@link ClassificationResults}, {@link AccountPlans} and {@link BoundaryValues};
 * each may also be run on its own by extending its contract class. Every group uses only this
 * area's repositories, so a provider storing only the key-account area runs it whole. Commercial authorisation
 * has its own kit, {@code AuthorityAreaContract}.
 */
public abstract class AccountAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link KeyAccountRepositoryContract} on this provider. */
    @Nested
    class KeyAccounts extends KeyAccountRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AccountAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AccountAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AccountAreaContract.this.propertyExamples();
        }
    }

    /** {@link SpendFactRepositoryContract} on this provider. */
    @Nested
    class SpendFacts extends SpendFactRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AccountAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AccountAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AccountAreaContract.this.propertyExamples();
        }
    }

    /** {@link ClassificationResultRepositoryContract} on this provider. */
    @Nested
    class ClassificationResults extends ClassificationResultRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AccountAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AccountAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AccountAreaContract.this.propertyExamples();
        }
    }

    /** {@link AccountPlanRepositoryContract} on this provider. */
    @Nested
    class AccountPlans extends AccountPlanRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AccountAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AccountAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AccountAreaContract.this.propertyExamples();
        }
    }

    /** {@link BoundaryValuesContract} on this provider. */
    @Nested
    class BoundaryValues extends BoundaryValuesContract {

        @Override
        protected StorageProvider newStorage() {
            return AccountAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AccountAreaContract.this.discard(used);
        }
    }
}
