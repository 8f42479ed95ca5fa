package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.SparePartsContract;

/** The JDBC provider passes the spare-parts compatibility kit on H2. */
class JdbcSparePartsH2Test extends SparePartsContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
