package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.authority.AuthorityAreaContract;

/** The JDBC provider passes commercial authorisation's compatibility kit on H2. */
class JdbcAuthorityAreaH2Test extends AuthorityAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
