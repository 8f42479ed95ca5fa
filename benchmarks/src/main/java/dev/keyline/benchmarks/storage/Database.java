package dev.keyline.benchmarks.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every storage workload runs on: H2 in memory and a real PostgreSQL server
 * (zonky's embedded binaries, one server per JVM, started on first use). Each {@link #create()}
 * makes a new, empty database behind a HikariCP pool of 4, so the Keyline, raw-JDBC and Hibernate
 * sides of a workload never see each other's rows.
 *
 * <p>H2 runs with its reuse of a query's last result off (see {@link #H2}).
 *
 * <p>PostgreSQL runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * off: the benchmarks measure the software's round trips and statements, not the disk of a machine
 * shared with other work. Its buffer cache ({@code shared_buffers}) is 2 GB instead of the server's
 * default 128 MB, enough to hold the largest database the scale benchmarks load (1,000,000 orders,
 * about 1.5 GB): with the default, a read at that size found its blocks outside the server's cache
 * and asked the kernel for each, so the scale curve measured the cache's size rather than the
 * cost per row. The driver's {@code reWriteBatchedInserts} is on for every side.
 */
public enum Database {

    /** H2 in memory. */
    H2 {
        @Override
        HikariDataSource pool(String name) {
            return openPool(url(name), "sa");
        }

        private String url(String name) {
            // OPTIMIZE_REUSE_RESULTS off: H2 otherwise hands a statement run again with the parameters
            // of its last run, its tables unchanged, the result it kept, and a read workload that
            // repeats a statement (the overdue stream's child statements of its one chunk at 10,000
            // orders) would measure that cache instead of the read
            String cache = System.getProperty("keyline.benchmark.h2QueryCacheSize");
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE"
                    + (cache == null ? "" : ";QUERY_CACHE_SIZE=" + Integer.parseInt(cache));
        }

        @Override
        void drop(HikariDataSource pool, String name) {
            pool.close();
            try (Connection c = java.sql.DriverManager.getConnection(url(name), "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("dropping H2 database " + name + " failed", e);
            }
        }
    },

    /** An embedded PostgreSQL 18 server. */
    POSTGRES {
        @Override
        HikariDataSource pool(String name) {
            admin("CREATE DATABASE " + name + " TEMPLATE " + template());
            return openPool(postgresUrl(name) + "&reWriteBatchedInserts=true", "postgres");
        }

        @Override
        void drop(HikariDataSource pool, String name) {
            pool.close();
            admin("DROP DATABASE IF EXISTS " + name);
        }
    };

    /** The database every PostgreSQL database of the benchmarks is copied from: Keyline's schema, migrated once per server. */
    private static final String TEMPLATE = "bench_keyline_template";

    /** Connections in each pool, as in the measurements the targets were set from. */
    public static final int POOL_SIZE = 4;

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /**
     * A new, empty database (no Keyline schema yet) behind a pool.
     *
     * @return the database; close it to drop it
     */
    public Opened create() {
        String name = "bench_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        return new Opened(this, name, pool(name));
    }

    abstract HikariDataSource pool(String name);

    abstract void drop(HikariDataSource pool, String name);

    private static HikariDataSource openPool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        return new HikariDataSource(config);
    }

    /**
     * Starts an embedded PostgreSQL server configured for the benchmarks.
     *
     * @return the server
     * @throws IOException when it does not start
     */
    static EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_buffers", "2GB")
                .start();
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = startServer();
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL server failed", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("stopping the embedded PostgreSQL server failed", e);
                }
            }, "benchmark-postgres-shutdown"));
        }
        return postgres;
    }

    /**
     * The JDBC URL of a database on the server: the one {@value #SERVER_PORT} names when it is set
     * (a server {@link PostgresServerMain} started for a whole run, so forks need not start their
     * own), otherwise the server of this JVM.
     */
    private static String postgresUrl(String database) {
        String port = System.getenv(SERVER_PORT);
        if (port != null && !port.isBlank()) {
            return "jdbc:postgresql://localhost:" + port.trim() + "/" + database + "?user=postgres";
        }
        return server().getJdbcUrl("postgres", database);
    }

    /** The environment variable naming the port of a PostgreSQL server already running for the benchmarks. */
    public static final String SERVER_PORT = "KEYLINE_BENCHMARK_POSTGRES_PORT";

    /**
     * The template database with Keyline's schema, created and migrated on first use on this
     * server, so that a new database is a file copy rather than a run of every migration.
     */
    private static synchronized String template() {
        boolean exists;
        try (Connection c = java.sql.DriverManager.getConnection(postgresUrl("postgres"), "postgres", "");
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + TEMPLATE + "'")) {
            exists = rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("looking for the template database failed", e);
        }
        if (!exists) {
            admin("CREATE DATABASE " + TEMPLATE);
            try (HikariDataSource pool = openPool(postgresUrl(TEMPLATE), "postgres")) {
                dev.keyline.jdbc.JdbcStorage.builder(pool).migrate(true).build();
            }
        }
        return TEMPLATE;
    }

    private static void admin(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(postgresUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /**
     * One database of a workload and its pool.
     *
     * @param database which kind
     * @param name its name
     * @param pool its pool
     */
    public record Opened(Database database, String name, HikariDataSource pool) implements AutoCloseable {

        /** Closes the pool and drops the database. */
        @Override
        public void close() {
            database.drop(pool, name);
        }
    }
}
