package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.PoolConcurrencyContract;
import org.junit.jupiter.api.Nested;

/**
 * Eight threads reserving and allocating from one pool at the same moment on the JDBC provider, on
 * H2 and on a real PostgreSQL server: the units handed out equal exactly the units the pool lost.
 * The pool row's optimistic version decides every race; the loser's transaction rolls back whole.
 */
class PoolConcurrencyTest {

    /** On H2. */
    @Nested
    class OnH2 extends PoolConcurrencyContract {

        @Override
        protected StorageProvider newStorage() {
            return TestDatabases.emptyStorage(H2Database.dataSource());
        }
    }

    /** On PostgreSQL. */
    @Nested
    class OnPostgres extends PoolConcurrencyContract {

        @Override
        protected StorageProvider newStorage() {
            return TestDatabases.emptyStorage(PostgresServer.dataSource());
        }
    }
}
