package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.kpi.KpiAreaContract;

/** The JDBC provider passes the KPI area's compatibility kit on H2. */
class JdbcKpiAreaH2Test extends KpiAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
