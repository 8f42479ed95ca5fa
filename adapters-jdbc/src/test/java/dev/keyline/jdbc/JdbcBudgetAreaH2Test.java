package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.BudgetAreaContract;

/** The JDBC provider passes the budget area's compatibility kit on H2. */
class JdbcBudgetAreaH2Test extends BudgetAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
