package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.priority.PriorityAreaContract;

/** The JDBC provider passes the customer-priority area's compatibility kit on H2. */
class JdbcPriorityAreaH2Test extends PriorityAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
