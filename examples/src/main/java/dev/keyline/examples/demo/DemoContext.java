package dev.keyline.examples.demo;

import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;

/**
 * What every demo chapter shares: the runtime, its JDBC storage and data source, the demo's clock,
 * where notifications go, and the seed all generated data derives from.
 */
public final class DemoContext {

    /** The most relay pumps one delivery round may take; far more than the story needs. */
    private static final int MAX_PUMPS = 1_000;

    /** The most times one delivery round waits for a retry before giving up. */
    private static final int MAX_RETRY_WAITS = 10;

    /** More entries than the demo's outbox ever holds, for listing it whole. */
    private static final int WHOLE_OUTBOX = 100_000;

    private final Keyline keyline;
    private final JdbcStorage storage;
    private final DataSource dataSource;
    private final DemoClock clock;
    private final DemoNotifications notifications;
    private final long seed;
    private final java.nio.file.Path reportDir;
    private final List<RelayRun> relayRuns = new ArrayList<>();

    /**
     * @param keyline the runtime, built on {@code storage} with {@code clock} and the router of
     *     {@code notifications} as its sink
     * @param storage the runtime's storage provider
     * @param dataSource the database behind {@code storage}
     * @param clock the runtime's clock
     * @param notifications where the runtime's notifications go
     * @param seed the seed of every random choice the chapters make
     * @param reportDir the folder the report is written to, where chapters put their documents
     */
    public DemoContext(Keyline keyline, JdbcStorage storage, DataSource dataSource, DemoClock clock,
            DemoNotifications notifications, long seed, java.nio.file.Path reportDir) {
        this.keyline = Require.nonNull(keyline, "keyline");
        this.storage = Require.nonNull(storage, "storage");
        this.dataSource = Require.nonNull(dataSource, "dataSource");
        this.clock = Require.nonNull(clock, "clock");
        this.notifications = Require.nonNull(notifications, "notifications");
        this.seed = seed;
        this.reportDir = Require.nonNull(reportDir, "reportDir");
    }

    /** The folder the report is written to; chapters write their documents beside it. */
    public java.nio.file.Path reportDir() {
        return reportDir;
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

    /** Where the runtime's notifications go: the router, the CRM's webhook and receiver, the inboxes. */
    public DemoNotifications notifications() {
        return notifications;
    }

    /** The demo's inbox: the sink of every notification no routing rule sends elsewhere. */
    public DemoInbox inbox() {
        return notifications.inbox();
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
     * Moves the story on to a local date and time in the clock's zone.
     *
     * @param time the new time, not before the clock's
     * @return the new instant
     */
    public Instant moveTo(LocalDateTime time) {
        Require.nonNull(time, "time");
        return clock.advanceTo(time.atZone(clock.getZone()).toInstant());
    }

    /**
     * Lets the relay deliver everything committed so far, as a relay running on a schedule would:
     * it pumps until nothing is due; when a delivery failed and waits for its backoff, it moves the
     * clock on to the retry time (no real time passes) and pumps again. A timer not yet due (for
     * example a reservation's expiry) stays pending until a later round finds it due.
     *
     * @param occasion what the story has just done, for the report's record of relay runs
     * @return the runs of this round, also added to {@link #relayRuns()}
     * @throws InvalidStateException when an entry was dead-lettered or something due stays pending
     */
    public List<RelayRun> deliverNotifications(String occasion) {
        Require.nonBlank(occasion, "occasion");
        List<RelayRun> runs = new ArrayList<>();
        for (int wait = 0; wait <= MAX_RETRY_WAITS; wait++) {
            RelayReport report = keyline.relay().pumpUntilIdle(MAX_PUMPS);
            RelayRun run = new RelayRun(occasion, clock.instant(), report.delivered(), report.retried(),
                    report.deadLettered());
            runs.add(run);
            relayRuns.add(run);
            if (report.deadLettered() > 0) {
                throw new InvalidStateException("the relay gave up on a notification after " + occasion + ": "
                        + entries(DeliveryStatus.DEAD_LETTER).stream().map(OutboxEntry::lastError).toList());
            }
            Instant now = clock.instant();
            if (entries(DeliveryStatus.PENDING).stream().anyMatch(e -> !e.waitsAt(now))) {
                throw new InvalidStateException("the relay left notifications pending after " + MAX_PUMPS
                        + " pumps after " + occasion);
            }
            Optional<Instant> retry = entries(DeliveryStatus.FAILED).stream().map(OutboxEntry::nextAttemptAt)
                    .min(Comparator.naturalOrder());
            if (retry.isEmpty()) {
                return List.copyOf(runs);
            }
            if (retry.get().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), retry.get()));
            }
        }
        throw new InvalidStateException("notifications were still failing after " + MAX_RETRY_WAITS
                + " retries after " + occasion);
    }

    /** Every relay run of the story so far, in order. */
    public List<RelayRun> relayRuns() {
        return List.copyOf(relayRuns);
    }

    /**
     * The outbox's entries in one status.
     *
     * @param status the status
     * @return the entries, in sequence order
     */
    public List<OutboxEntry> entries(DeliveryStatus status) {
        Require.nonNull(status, "status");
        return keyline.transactions().execute(() -> keyline.storage().outbox().list(status, WHOLE_OUTBOX));
    }

    /** The whole outbox, in sequence order. */
    public List<OutboxEntry> outbox() {
        List<OutboxEntry> all = new ArrayList<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            all.addAll(entries(status));
        }
        all.sort(Comparator.comparingLong(OutboxEntry::sequence));
        return List.copyOf(all);
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
