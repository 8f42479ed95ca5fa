package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.sla.SlaAuthorisationContract;

/** The "Authorisation" suite of the SLA area on the JDBC provider over H2. */
class JdbcSlaAuthorisationH2Test extends SlaAuthorisationContract {

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
