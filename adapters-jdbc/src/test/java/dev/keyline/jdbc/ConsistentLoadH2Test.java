package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Loads that another storage's saves overtake between their statements, on H2. */
class ConsistentLoadH2Test extends ConsistentLoadContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
