package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.authority.AuthorityAreaContract;

/** The JDBC provider passes commercial authorisation's compatibility kit on a real PostgreSQL server. */
class JdbcAuthorityAreaPostgresTest extends AuthorityAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
