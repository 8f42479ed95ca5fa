package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.sla.SlaAreaContract;

/** The JDBC provider passes the SLA area's compatibility kit on H2. */
class JdbcSlaAreaH2Test extends SlaAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
