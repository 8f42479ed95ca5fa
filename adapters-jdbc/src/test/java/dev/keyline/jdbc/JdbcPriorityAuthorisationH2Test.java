package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.priority.PriorityAuthorisationContract;

/** The "Authorisation" suite of the priority area on the JDBC provider over H2. */
class JdbcPriorityAuthorisationH2Test extends PriorityAuthorisationContract {

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
