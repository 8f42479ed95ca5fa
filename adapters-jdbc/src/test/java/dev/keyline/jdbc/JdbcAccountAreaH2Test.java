package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.AccountAreaContract;

/** The JDBC provider passes the key-account area's compatibility kit on H2. */
class JdbcAccountAreaH2Test extends AccountAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
