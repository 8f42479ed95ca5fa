package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The key-account tables on H2. */
class JdbcAccountTablesH2Test extends JdbcAccountTablesContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
