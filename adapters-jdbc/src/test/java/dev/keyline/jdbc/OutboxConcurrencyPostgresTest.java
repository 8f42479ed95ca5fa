package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Concurrent claims on a real PostgreSQL server. */
class OutboxConcurrencyPostgresTest extends OutboxConcurrencyContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }

    @Override
    String sessionsWaitingForALockSql() {
        return "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";
    }
}
