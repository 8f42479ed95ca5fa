package dev.keyline.tck.authority;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of commercial authorisation in one class: every repository contract
 * of the area as a {@code @Nested} group. A storage provider that stores the area runs all of it by
 * extending this class in a few lines:
 *
 * <pre>{@code
 * class MyProviderAuthorityAreaTest extends AuthorityAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh storage from {@link #newStorage()} and hands it to
 * {@link #discard(StorageProvider)} afterwards. The groups are {@link PriceAuthorisations},
 * {@link FloorPriceLists}, {@link AccountStandings}, {@link AccountStandingReaction} and
 * {@link BoundaryValues}; each may also be run on its own by extending its contract class. Every
 * group but {@link AccountStandingReaction} uses only this area's repositories; that one drives
 * key accounts through their services to raise the events the reaction follows, so it needs a
 * provider that stores both areas.
 */
public abstract class AuthorityAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 40;
    }

    /** {@link PriceAuthorisationRepositoryContract} on this provider. */
    @Nested
    class PriceAuthorisations extends PriceAuthorisationRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AuthorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AuthorityAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AuthorityAreaContract.this.propertyExamples();
        }
    }

    /** {@link FloorPriceListRepositoryContract} on this provider. */
    @Nested
    class FloorPriceLists extends FloorPriceListRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AuthorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AuthorityAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AuthorityAreaContract.this.propertyExamples();
        }
    }

    /** {@link AccountStandingRepositoryContract} on this provider. */
    @Nested
    class AccountStandings extends AccountStandingRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return AuthorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AuthorityAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return AuthorityAreaContract.this.propertyExamples();
        }
    }

    /** {@link AccountStandingReactionContract} on this provider. */
    @Nested
    class AccountStandingReaction extends AccountStandingReactionContract {

        @Override
        protected StorageProvider newStorage() {
            return AuthorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AuthorityAreaContract.this.discard(used);
        }
    }

    /** {@link BoundaryValuesContract} on this provider. */
    @Nested
    class BoundaryValues extends BoundaryValuesContract {

        @Override
        protected StorageProvider newStorage() {
            return AuthorityAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            AuthorityAreaContract.this.discard(used);
        }
    }
}
