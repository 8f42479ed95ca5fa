package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Append-only child rows on H2. */
class JdbcAppendOnlyChildrenH2Test extends JdbcAppendOnlyChildrenContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
