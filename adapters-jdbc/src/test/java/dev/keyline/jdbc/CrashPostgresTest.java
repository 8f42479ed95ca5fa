package dev.keyline.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The "Crash" suite on the build's PostgreSQL, in a database of its own. */
class CrashPostgresTest extends CrashContract {

    private static String url;

    @BeforeAll
    static void createDatabase() throws SQLException {
        HikariDataSource shared = (HikariDataSource) PostgresServer.dataSource();
        try (Connection c = shared.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS keyline_crash");
            s.execute("CREATE DATABASE keyline_crash");
        }
        url = shared.getJdbcUrl().replaceFirst("/keyline(\\?|$)", "/keyline_crash$1");
    }

    @Override
    DataSource openCheckSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(workerUser());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @Override
    void closeCheckSource(DataSource dataSource) {
        ((HikariDataSource) dataSource).close();
    }

    @Override
    String workerUrl() {
        return url;
    }

    @Override
    String workerUser() {
        return "postgres";
    }

    @Override
    String database() {
        return "PostgreSQL";
    }

    /** The server outlives its killed client with every commit it acknowledged. */
    @Override
    boolean keepsAcknowledgedCommits() {
        return true;
    }
}
