package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.CapexProjectContract;

/** The JDBC provider passes the CAPEX projects' compatibility kit on H2. */
class JdbcCapexProjectH2Test extends CapexProjectContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
