package dev.keyline.jdbc;

import javax.sql.DataSource;

/** What the JDBC provider keeps of committed saves, on H2. */
class KeptAggregatesH2Test extends KeptAggregatesContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
