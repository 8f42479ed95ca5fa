package dev.keyline.jdbc;

import javax.sql.DataSource;

/**
 * The write-behind on PostgreSQL with the driver rewriting batched inserts into multi-row
 * inserts: a rejected row must still be told by the database's message.
 */
class WriteBehindPostgresRewritingTest extends WriteBehindContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.rewritingBatches();
    }
}
