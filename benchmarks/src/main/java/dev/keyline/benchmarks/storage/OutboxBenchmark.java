package dev.keyline.benchmarks.storage;

import com.sun.net.httpserver.HttpServer;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Relay;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.NotificationSink;
import dev.keyline.webhook.WebhookSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The relay's throughput: {@value #EVENTS} committed outbox entries (three per aggregate, as the
 * key-account mix raises them, or as many as {@code -p perAggregate=N} gives; see
 * {@link #perAggregate}) delivered to one sink by {@link Relay#pumpUntilIdle(int)} with the default
 * retry policy (or another batch size, given as {@code -p batchSize=...}), on PostgreSQL and H2,
 * beside the relay written by hand ({@link RawRelay}) with the same batch size. The sink is a
 * no-op, or Keyline's webhook sink posting each event, signed, to an HTTP server on the loopback
 * interface that answers {@code 204}. The entries are written before every iteration; the score is
 * microseconds per event, which the report turns into events per second. With
 * {@code -p history=N}, N delivered entries wait to be purged before them (see {@link #history}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class OutboxBenchmark {

    /** Entries per iteration. */
    public static final int EVENTS = 2_000;

    /**
     * Entries per aggregate, written one aggregate after another: {@code 3} (the default, as the
     * key-account mix raises them). A claim offers only an aggregate's oldest entry not yet done,
     * so with 3 it reads about three rows per entry it claims; {@code -p perAggregate=1} measures
     * the relay when every entry is the first of its aggregate.
     */
    @Param({"3"})
    public int perAggregate;

    /** The database. */
    @Param({"POSTGRES", "H2"})
    public Database database;

    /** The sink: {@code noop} or {@code webhook}. */
    @Param({"noop", "webhook"})
    public String sink;

    /**
     * Which relay delivers: {@code keyline} (Keyline's {@link Relay}) or {@code raw} (the relay
     * written by hand, {@link RawRelay}: one row written per event, the least any relay writes).
     */
    @Param({"keyline", "raw"})
    public String side;

    /** The relay's batch size; {@code 0} (the default) runs the default retry policy's. */
    @Param({"0"})
    public int batchSize;

    /**
     * Delivered entries stored before the pending ones and kept through every iteration, each
     * delivered to the sink at its first attempt as the relay records it (the sink in the entry's
     * row, no delivery row), as entries that wait to be purged: spread over the pending
     * entries' aggregates, so that every aggregate has a delivered history; on PostgreSQL the tables
     * are then vacuumed before every iteration. {@code 0} (the default) keeps none;
     * {@code -p history=100000} measures whether a claim's cost grows with them.
     */
    @Param({"0"})
    public int history;

    /**
     * Whether the outbox table is vacuumed after the last iteration's entries are deleted and before
     * this one's are written, on PostgreSQL with no {@link #history} (which vacuums its tables
     * anyway): {@code false} (the default) leaves the dead row versions of the iterations before
     * to autovacuum, which seldom runs within a trial; {@code -p vacuum=true} measures the relay on a
     * table without them, as an autovacuum that keeps up would leave it. The delivery table is left
     * alone: vacuumed empty, it made PostgreSQL plan for an empty table.
     */
    @Param({"false"})
    public boolean vacuum;

    /** The highest sequence number of the delivered history; every entry after it is the iteration's. */
    private long historyEnd;

    private Fixture fixture;
    private HttpServer server;
    private ExecutorService serverThreads;
    private Relay relay;
    private RawRelay rawRelay;

    /** The database, the receiver and the relay. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (perAggregate < 1 || perAggregate > EVENTS) {
            throw new IllegalArgumentException("perAggregate must be 1 to " + EVENTS + ", was " + perAggregate);
        }
        fixture = Fixture.create(database);
        NotificationSink target;
        if (sink.equals("webhook")) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext("/events", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    body.readAllBytes();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            serverThreads = Executors.newFixedThreadPool(2);
            server.setExecutor(serverThreads);
            server.start();
            target = WebhookSink.builder()
                    .endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/events")
                    .secret("whsec_" + java.util.Base64.getEncoder().encodeToString(
                            "benchmark-webhook-secret-32-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .build();
        } else {
            target = new NotificationSink() {
                @Override
                public void deliver(dev.keyline.spi.Notification notification) {
                    // accepts everything, does nothing
                }

                @Override
                public String name() {
                    return "noop";
                }
            };
        }
        storeHistory(target.name());
        RetryPolicy policy = batchSize == 0 ? RetryPolicy.defaults() : RetryPolicy.defaults().withBatchSize(batchSize);
        switch (side) {
            case "keyline" -> relay = Keyline.builder().storage(fixture.storage()).sink(target).retryPolicy(policy)
                    .areaReactions(false).build().relay();
            case "raw" -> rawRelay = new RawRelay(fixture.dataSource(), target, policy.batchSize());
            default -> throw new IllegalArgumentException("unknown side " + side);
        }
    }

    /** Writes the {@link #history} delivered entries, each delivered to the sink at its first attempt. */
    private void storeHistory(String sinkName) {
        if (history == 0) {
            return;
        }
        try (Connection c = fixture.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Timestamp at = Timestamp.from(Fixture.NOW.minusSeconds(86_400));
            // each delivered at its first attempt to the one sink, as the relay records it: the sink in
            // the entry's row and no delivery row
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO keyline_outbox (event_id, aggregate_id, "
                    + "event_type, occurred_at, audience_subject, payload, status, version, delivered_at, delivered_sink) "
                    + "VALUES (?, ?, 'account.activated', ?, 'history', '{}', 'DELIVERED', 1, ?, ?)")) {
                for (int i = 0; i < history; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, KeyAccountMix.accountId(i % (EVENTS / perAggregate)));
                    insert.setTimestamp(3, at);
                    insert.setTimestamp(4, at);
                    insert.setString(5, sinkName);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(sequence_number), 0) FROM keyline_outbox")) {
                rs.next();
                historyEnd = rs.getLong(1);
            }
            c.commit();
            c.setAutoCommit(true);
            if (database == Database.POSTGRES) {
                // statistics that know the history, as a table that has been in use would have
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE keyline_outbox");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the delivered history failed", e);
        }
    }

    /** Stops the receiver and drops the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        fixture.close();
    }

    /**
     * Empties the outbox but for the delivered history and writes {@value #EVENTS} pending entries.
     *
     * @throws SQLException when the database fails
     */
    @Setup(Level.Iteration)
    public void fillOutbox() throws SQLException {
        try (Connection c = fixture.dataSource().getConnection()) {
            try (PreparedStatement deliveries = c.prepareStatement("DELETE FROM keyline_outbox_delivery WHERE event_id IN "
                    + "(SELECT event_id FROM keyline_outbox WHERE sequence_number > ?)");
                    PreparedStatement entries = c.prepareStatement("DELETE FROM keyline_outbox WHERE sequence_number > ?");
                    PreparedStatement claims = c.prepareStatement("DELETE FROM keyline_outbox_claim")) {
                deliveries.setLong(1, historyEnd);
                deliveries.executeUpdate();
                // none is left once every entry is delivered; a failed iteration's would hold its entries
                claims.executeUpdate();
                entries.setLong(1, historyEnd);
                entries.executeUpdate();
            }
            if (database == Database.POSTGRES && (history > 0 || vacuum)) {
                // the iteration's deleted rows vacuumed, as autovacuum would between the bursts of a
                // table in use; without it every iteration walked the dead index entries of the ones
                // before and the relay slowed down from iteration to iteration. The delivery table
                // only with a history: vacuumed empty, it made PostgreSQL plan for an empty table
                try (Statement s = c.createStatement()) {
                    s.execute(history > 0 ? "VACUUM keyline_outbox, keyline_outbox_delivery" : "VACUUM keyline_outbox");
                }
            }
            c.setAutoCommit(false);
            Timestamp at = Timestamp.from(Fixture.NOW);
            try (PreparedStatement insert = c.prepareStatement(RawOutbox.INSERT)) {
                for (int i = 0; i < EVENTS; i++) {
                    UUID event = UUID.randomUUID();
                    String account = KeyAccountMix.accountId(i / perAggregate);
                    RawOutbox.bind(insert, event, account, "account.activated", at, "ACCOUNT_MANAGER", "SZ", account, null,
                            "Key account " + account + " is now active, account manager am-1",
                            "{\"eventId\":\"" + event + "\",\"occurredAt\":\"" + RawOutbox.instant(Fixture.NOW)
                                    + "\",\"account\":\"" + account + "\",\"network\":\"SZ\",\"accountManager\":\"am-1\","
                                    + "\"activatedBy\":\"gm\"}");
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            if (database == Database.POSTGRES) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE keyline_outbox");
                }
            }
        }
    }

    /**
     * Delivers every entry.
     *
     * @return how many entries were delivered
     * @throws SQLException when the raw relay's database fails
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int relay() throws SQLException {
        if (rawRelay != null) {
            int delivered = rawRelay.pumpUntilIdle(Fixture.NOW);
            if (delivered != EVENTS) {
                throw new IllegalStateException("the raw relay delivered " + delivered + " of " + EVENTS);
            }
            return delivered;
        }
        RelayReport report = relay.pumpUntilIdle(Integer.MAX_VALUE);
        if (report.delivered() != EVENTS) {
            throw new IllegalStateException("delivered " + report.delivered() + " of " + EVENTS + ": " + report);
        }
        return report.delivered();
    }
}
