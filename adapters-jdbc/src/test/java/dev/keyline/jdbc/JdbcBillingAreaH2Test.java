package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.billing.BillingAreaContract;

/** The JDBC provider passes the billing area's compatibility kit on H2. */
class JdbcBillingAreaH2Test extends BillingAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
