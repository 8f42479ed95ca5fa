package dev.keyline.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The key-account tables on H2. */
class JdbcAccountTablesH2Test extends JdbcAccountTablesContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }

    /** H2 shows no lock waits, but a session still executing the INSERT is waiting: the insert of one row does nothing else that takes time. */
    @Override
    boolean anInsertIsWaiting() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO keyline_spend_fact%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
