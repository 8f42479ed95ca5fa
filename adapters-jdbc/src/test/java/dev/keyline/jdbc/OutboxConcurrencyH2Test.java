package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Concurrent claims on H2. */
class OutboxConcurrencyH2Test extends OutboxConcurrencyContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
