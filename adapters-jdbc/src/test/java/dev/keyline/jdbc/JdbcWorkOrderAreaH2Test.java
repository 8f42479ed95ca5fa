package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.workorder.WorkOrderAreaContract;

/** The JDBC provider passes the work-order area's compatibility kit on H2. */
class JdbcWorkOrderAreaH2Test extends WorkOrderAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
