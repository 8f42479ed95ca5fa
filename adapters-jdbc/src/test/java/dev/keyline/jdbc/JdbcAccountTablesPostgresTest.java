package dev.keyline.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The key-account tables on a real PostgreSQL server. */
class JdbcAccountTablesPostgresTest extends JdbcAccountTablesContract {

    @Override
    DataSource dataSource() {
        return PostgresServer.dataSource();
    }

    /** PostgreSQL reports the lock wait itself. */
    @Override
    boolean anInsertIsWaiting() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO keyline_spend_fact%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
