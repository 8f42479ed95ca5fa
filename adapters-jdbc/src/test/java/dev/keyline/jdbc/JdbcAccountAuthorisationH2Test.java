package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.AccountAuthorisationContract;

/** The "Authorisation" suite of the key-account and authority areas on the JDBC provider over H2. */
class JdbcAccountAuthorisationH2Test extends AccountAuthorisationContract {

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
