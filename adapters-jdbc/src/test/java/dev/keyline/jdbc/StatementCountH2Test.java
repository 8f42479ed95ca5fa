package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The JDBC calls of typical commands, counted on H2. */
class StatementCountH2Test extends StatementCountContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
