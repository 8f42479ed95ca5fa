package dev.keyline.examples.demo;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;

import java.time.LocalDate;
import java.util.Random;
import javax.sql.DataSource;

/**
 * What every demo chapter shares: the runtime, its JDBC storage and data source, the demo's clock
 * and inbox, and the seed all generated data derives from.
 */
public final class DemoContext {

    private final Keyline keyline;
    private final JdbcStorage storage;
    private final DataSource dataSource;
    private final DemoClock clock;
    private final DemoInbox inbox;
    private final long seed;

    /**
     * @param keyline the runtime, built on {@code storage} with {@code clock} and {@code inbox}
     * @param storage the runtime's storage provider
     * @param dataSource the database behind {@code storage}
     * @param clock the runtime's clock
     * @param inbox the runtime's notification sink
     * @param seed the seed of every random choice the chapters make
     */
    public DemoContext(Keyline keyline, JdbcStorage storage, DataSource dataSource, DemoClock clock, DemoInbox inbox,
            long seed) {
        this.keyline = Require.nonNull(keyline, "keyline");
        this.storage = Require.nonNull(storage, "storage");
        this.dataSource = Require.nonNull(dataSource, "dataSource");
        this.clock = Require.nonNull(clock, "clock");
        this.inbox = Require.nonNull(inbox, "inbox");
        this.seed = seed;
    }

    /** The runtime every command runs through. */
    public Keyline keyline() {
        return keyline;
    }

    /** The JDBC storage provider behind the runtime. */
    public JdbcStorage storage() {
        return storage;
    }

    /** The database, for chapters that show what was stored. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The runtime's clock; chapters move it on to let time pass. */
    public DemoClock clock() {
        return clock;
    }

    /** The runtime's notification sink. */
    public DemoInbox inbox() {
        return inbox;
    }

    /** The seed every random choice derives from. */
    public long seed() {
        return seed;
    }

    /** The story's date today, in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A random source of its own for one purpose, so a chapter's data does not change when
     * another chapter draws more or fewer numbers.
     *
     * @param purpose what the numbers are for, for example {@code key-accounts}
     * @return a generator seeded from the demo's seed and the purpose
     */
    public Random random(String purpose) {
        return randomFor(seed, purpose);
    }

    /**
     * The generator {@link #random(String)} returns for a seed, for tests that regenerate a
     * chapter's data.
     *
     * @param seed the demo's seed
     * @param purpose the purpose
     * @return the generator
     */
    public static Random randomFor(long seed, String purpose) {
        Require.nonBlank(purpose, "purpose");
        return new Random(seed * 31 + purpose.hashCode());
    }
}
