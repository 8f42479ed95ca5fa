package dev.keyline.jdbc;

import javax.sql.DataSource;

/** Concurrent claims on H2. */
class OutboxConcurrencyH2Test extends OutboxConcurrencyContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }

    @Override
    String sessionsWaitingForALockSql() {
        return "SELECT COUNT(*) AS n FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
    }
}
