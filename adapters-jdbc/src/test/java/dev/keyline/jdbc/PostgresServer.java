package dev.keyline.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped by a shutdown hook.
 * Tests share its {@code keyline} database through a small HikariCP pool and reset the Keyline
 * tables before each test (see {@link TestDatabases#reset}).
 */
final class PostgresServer {

    private static HikariDataSource dataSource;
    private static HikariDataSource rewriting;
    private static String url;

    private PostgresServer() {
    }

    /** The pooled data source on the shared server's {@code keyline} database. */
    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = start();
        }
        return dataSource;
    }

    /**
     * A second small pool on the same database whose driver rewrites a batch of inserts into
     * multi-row inserts ({@code reWriteBatchedInserts}, as hosts configure it for bulk work): a
     * batch then fails as one statement, without an update count per row.
     */
    static synchronized DataSource rewritingBatches() {
        dataSource();
        if (rewriting == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
            config.setUsername("postgres");
            config.setMaximumPoolSize(2);
            config.setPoolName("keyline-postgres-test-rewriting");
            rewriting = new HikariDataSource(config);
            HikariDataSource pool = rewriting;
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "keyline-postgres-test-rewriting-shutdown"));
        }
        return rewriting;
    }

    private static HikariDataSource start() {
        EmbeddedPostgres server;
        try {
            // a throwaway server: durability buys nothing here, and skipping the flushes keeps the suite quick
            server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the embedded PostgreSQL server failed", e);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE keyline");
        } catch (SQLException e) {
            closeQuietly(server, e);
            throw new IllegalStateException("creating the test database failed", e);
        }
        HikariConfig config = new HikariConfig();
        url = server.getJdbcUrl("postgres", "keyline");
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        config.setPoolName("keyline-postgres-test");
        HikariDataSource pool = new HikariDataSource(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.close();
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("stopping the embedded PostgreSQL server failed", e);
            }
        }, "keyline-postgres-test-shutdown"));
        return pool;
    }

    private static void closeQuietly(EmbeddedPostgres server, Exception primary) {
        try {
            server.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
