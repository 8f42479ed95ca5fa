package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.BudgetAreaContract;

/** The JDBC provider passes the budget area's compatibility kit on a real PostgreSQL server. */
class JdbcBudgetAreaPostgresTest extends BudgetAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(PostgresServer.dataSource());
    }
}
