package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The JDBC toolkit on H2. */
class JdbcSessionH2Test extends JdbcSessionContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }

    @Override
    String undefinedTableState() {
        return "42S02";
    }
}
