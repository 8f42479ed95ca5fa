package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.KeyAccountAreaContract;

/** The JDBC provider passes the key-account area's compatibility kit on H2. */
class JdbcKeyAccountAreaH2Test extends KeyAccountAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
