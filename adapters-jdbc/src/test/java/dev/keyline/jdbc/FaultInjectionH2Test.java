package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The "Fault" reliability suite on H2. */
class FaultInjectionH2Test extends FaultInjectionContract {

    @Override
    protected DataSource database() {
        return H2Database.dataSource();
    }

    @Override
    protected String databaseName() {
        return "H2";
    }
}
