package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.resource.ResourceAreaContract;

/** The JDBC provider passes the network-resource area's compatibility kit on H2. */
class JdbcResourceAreaH2Test extends ResourceAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
