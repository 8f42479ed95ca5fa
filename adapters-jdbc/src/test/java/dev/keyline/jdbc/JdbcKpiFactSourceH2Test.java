package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiFactSourceContract;

/** The JDBC provider passes the KPI fact source's contract on H2. */
class JdbcKpiFactSourceH2Test extends KpiFactSourceContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
