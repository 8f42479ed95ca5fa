package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.workorder.WorkOrderAuthorisationContract;

/** The "Authorisation" suite of the work-order area on the JDBC provider over H2. */
class JdbcWorkOrderAuthorisationH2Test extends WorkOrderAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }

    /** Building a world on a database is slow: the permitted variants run on the in-memory provider. */
    @Override
    protected boolean everyPermittedActor() {
        return false;
    }
}
