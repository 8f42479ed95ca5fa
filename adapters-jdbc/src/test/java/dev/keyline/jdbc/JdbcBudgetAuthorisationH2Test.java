package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.budget.BudgetAuthorisationContract;

/** The "Authorisation" suite of the budget area on the JDBC provider over H2. */
class JdbcBudgetAuthorisationH2Test extends BudgetAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }

    /** Building a world on a database is slower: the permitted variants run on the in-memory provider. */
    @Override
    protected boolean everyPermittedActor() {
        return false;
    }
}
