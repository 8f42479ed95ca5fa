package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AreaRegistrationContract;

/** The JDBC provider serves every port of every area it installs, and names the area of one it does not. */
class JdbcAreaRegistrationH2Test extends AreaRegistrationContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
