package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The "Fuzz" suite's text round trip on a real PostgreSQL server. */
class TextFuzzPostgresTest extends TextFuzzContract {

    @Override
    protected DataSource database() {
        return PostgresServer.dataSource();
    }
}
