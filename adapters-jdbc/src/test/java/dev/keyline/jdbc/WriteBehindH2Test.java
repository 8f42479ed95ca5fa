package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The write-behind on H2. */
class WriteBehindH2Test extends WriteBehindContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
