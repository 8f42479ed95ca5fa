package dev.keyline.benchmarks.storage;

import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One database with Keyline's schema migrated into it, and the runtime on it. Every side of a
 * workload (Keyline, raw JDBC, Hibernate) writes into this same schema; the runtime's clock is
 * fixed at {@link #NOW}, the time the raw and Hibernate sides write too, so that all sides write
 * identical rows.
 */
public final class Fixture implements AutoCloseable {

    /** The time of every command of the workloads. */
    public static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    /**
     * Flyway's logger, kept so that its level holds: the command benchmarks migrate a new database
     * at every iteration, and Flyway's lines of information would bury JMH's scores in the log.
     * Warnings and errors still show.
     */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY.setLevel(Level.WARNING);
    }

    private final Database.Opened opened;
    private final JdbcStorage storage;
    private final Keyline keyline;

    private Fixture(Database.Opened opened) {
        this.opened = opened;
        this.storage = JdbcStorage.builder(opened.pool()).migrate(true).cachedAggregateRows(cachedAggregateRows())
                .trustKeptStates(trustKeptStates()).build();
        this.keyline = Keyline.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /**
     * The JDBC provider's cache bound for the run: the system property
     * {@code keyline.cachedAggregateRows} ({@code run.sh --cache-off} sets it to 0), else the
     * provider's default.
     */
    static long cachedAggregateRows() {
        return Long.getLong("keyline.cachedAggregateRows", JdbcSession.DEFAULT_CACHED_AGGREGATE_ROWS);
    }

    /**
     * Whether the JDBC provider's commands trust the states it kept: the system property
     * {@code keyline.trustKeptStates} ({@code run.sh --no-trust} sets it to false), else the
     * provider's default, true.
     */
    static boolean trustKeptStates() {
        return !"false".equals(System.getProperty("keyline.trustKeptStates"));
    }

    /**
     * A new database of {@code database}'s kind with Keyline's schema.
     *
     * @param database the kind
     * @return the fixture; close it to drop the database
     */
    public static Fixture create(Database database) {
        Database.Opened opened = database.create();
        try {
            return new Fixture(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** The kind of database. */
    public Database database() {
        return opened.database();
    }

    /** The pool every side uses. */
    public DataSource dataSource() {
        return opened.pool();
    }

    /** Keyline's storage provider on the pool. */
    public JdbcStorage storage() {
        return storage;
    }

    /** The runtime, with the clock fixed at {@link #NOW}. */
    public Keyline keyline() {
        return keyline;
    }

    /** Drops the database. */
    @Override
    public void close() {
        opened.close();
    }
}
