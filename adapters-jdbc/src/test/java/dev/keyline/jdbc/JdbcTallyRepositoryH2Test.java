package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The repository compatibility kit on H2. */
class JdbcTallyRepositoryH2Test extends JdbcTallyRepositoryContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
