package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.tck.fixture.FixtureEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Crash" suite: a {@link CrashWorkerMain} in a JVM of its own runs random commands across
 * every area and is killed with SIGKILL at a random moment, again and again on the same database
 * ({@value #DEFAULT_KILLS} times, or {@code -Dkeyline.crash.kills=N} for a soak run). After each
 * kill, with the worker dead:
 * <ul>
 *   <li>every journalled (so committed) command's effects are stored: each aggregate, loaded
 *       through its repository and so through its restore path and invariant checks, has at least
 *       the version its journalled commands give it, and at most one more per kill (the command in
 *       flight may have committed before its journal line was written);</li>
 *   <li>every aggregate of a create-only area (a priority ranking: one new per command) that is
 *       stored loads through its restore path and reads back whole, as it was created; every
 *       journalled one is stored (on a database that may lose acknowledged commits: every one whose
 *       command's marker event the database kept), none of a rolled-back command is, and the stored
 *       ones no journal line accounts for count towards the same "at most one per kill";</li>
 *   <li>every journalled command's marker event is in the outbox, and the relay delivers every
 *       outbox event to an idempotent sink at least once;</li>
 *   <li>every stored create-only aggregate's own events are in the outbox and delivered;</li>
 *   <li>no event of a rolled-back command is in the outbox or ever delivered.</li>
 * </ul>
 */
abstract class CrashContract {

    /** Kills per database in the ordinary build. */
    static final int DEFAULT_KILLS = 25;

    /** The data source the checks use while no worker runs; closed by {@link #closeCheckSource}. */
    abstract DataSource openCheckSource();

    /** Closes a data source of {@link #openCheckSource()} (a file database must be free for the worker). */
    abstract void closeCheckSource(DataSource dataSource);

    /** The JDBC URL the worker connects to. */
    abstract String workerUrl();

    /** The user the worker connects as. */
    abstract String workerUser();

    /** The database's name in messages and figures. */
    abstract String database();

    /**
     * Whether the database keeps every commit it acknowledged when the client process dies. When
     * it does not (a file H2 database), a commit the database itself lost is counted and reported,
     * not failed on; every other check holds all the same.
     */
    abstract boolean keepsAcknowledgedCommits();

    /** Journalled commands whose effects the database lost (only counted where it does not keep them). */
    private long lostByDatabase;

    /** The create-only aggregates (priority rankings) stored at the last check. */
    private long createdStored;

    @Test
    void committedCommandsSurviveSigkillAndTheirEventsAreDeliveredAtLeastOnceRolledBackOnesNever(@TempDir Path dir)
            throws Exception {
        int kills = Integer.getInteger("keyline.crash.kills", DEFAULT_KILLS);
        Random random = new Random(Long.getLong("keyline.crash.seed", System.nanoTime()));
        Path journal = dir.resolve("journal");
        Map<String, EventId> delivered = new ConcurrentHashMap<>();
        Set<String> deliveredMarkers = ConcurrentHashMap.newKeySet();
        Set<String> deliveredAggregates = ConcurrentHashMap.newKeySet();
        NotificationSink sink = new NotificationSink() {
            @Override
            public void deliver(Notification notification) {
                // idempotent: a redelivery of an event id is recorded once
                delivered.putIfAbsent(notification.eventId().value().toString(), notification.eventId());
                if (notification.type().equals(FixtureEvent.TYPE)) {
                    deliveredMarkers.add(notification.aggregateId());
                } else {
                    deliveredAggregates.add(notification.aggregateId());
                }
            }

            @Override
            public String name() {
                return "crash-sink";
            }
        };
        DataSource setup = openCheckSource();
        JdbcStorage.builder(setup).migrate(true).build();
        TestDatabases.reset(setup, JdbcStorage.builder(setup).build().dialect());
        closeCheckSource(setup);

        long started = System.nanoTime();
        int survived = 0;
        for (int round = 1; round <= kills; round++) {
            Process worker = launch(journal, dir.resolve("worker-" + round + ".log"), round, random.nextLong());
            try {
                awaitFirstCommand(journal, worker, dir.resolve("worker-" + round + ".log"));
                Thread.sleep(random.nextInt(300));
            } finally {
                worker.destroyForcibly();   // SIGKILL on Unix
                assertThat(worker.waitFor(1, TimeUnit.MINUTES)).as("the worker died").isTrue();
            }
            check(journal, round, sink, delivered, deliveredMarkers, deliveredAggregates);
            survived++;
        }
        Journal last = Journal.read(journal);
        System.out.printf("Crash %s: %d kills survived, %d commands committed, %d rolled back, %d events delivered, "
                        + "%d create-only aggregates stored, lost by Keyline 0, acknowledged commits lost by the database %d, "
                        + "in %d s%n", database(), survived, last.committed.size(), last.rolledBack.size(), delivered.size(),
                createdStored, lostByDatabase,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertThat(survived).isEqualTo(kills);
        assertThat(last.committed.size()).as("the workers committed commands between kills").isGreaterThanOrEqualTo(kills / 2);
        assertThat(last.rolledBack).as("some commands were rolled back on purpose").isNotEmpty();
        assertThat(createdStored).as("the create-only areas' aggregates were created and checked").isPositive();
    }

    private void check(Path journalPath, int kills, NotificationSink sink, Map<String, EventId> delivered,
            Set<String> deliveredMarkers, Set<String> deliveredAggregates) throws IOException {
        Journal journal = Journal.read(journalPath);
        DataSource dataSource = openCheckSource();
        try {
            JdbcStorage storage = JdbcStorage.builder(dataSource).build();
            long slack = 0;
            for (ReliabilityWorkloads.Entry<?, ?, ?> entry : ReliabilityWorkloads.ALL) {
                for (int k = 0; k < CrashWorkerMain.KEYS; k++) {
                    String key = "k" + k;
                    int journalled = journal.commandsOn.getOrDefault(entry.area() + " " + key, 0);
                    long stored = storage.transactions().execute(() -> entry.storedVersion(storage, key)).orElse(0L);
                    if (keepsAcknowledgedCommits()) {
                        assertThat(stored).as("after kill %d on %s: %s %s holds every journalled command", kills, database(),
                                entry.area(), key).isGreaterThanOrEqualTo(journalled);
                    }
                    slack += Math.max(0, stored - journalled);
                }
            }
            Set<String> createdIds = new HashSet<>();
            for (ReliabilityWorkloads.CreateOnly<?, ?, ?> workload : ReliabilityWorkloads.CREATE_ONLY) {
                slack += checkCreateOnly(workload, storage, journal, kills, createdIds);
            }
            createdStored = createdIds.size();
            assertThat(slack).as("after kill %d on %s: at most one unjournalled command committed per kill", kills,
                    database()).isLessThanOrEqualTo(kills);

            Set<String> markersInOutbox = new HashSet<>();
            List<OutboxEntry> everything = new ArrayList<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                everything.addAll(storage.transactions().execute(() -> storage.outbox().list(status, 1_000_000)));
            }
            Set<String> aggregatesInOutbox = new HashSet<>();
            for (OutboxEntry e : everything) {
                if (!e.isTimer() && e.message().type().equals(FixtureEvent.TYPE)) {
                    markersInOutbox.add(e.message().aggregateId());
                } else if (!e.isTimer()) {
                    aggregatesInOutbox.add(e.message().aggregateId());
                }
            }
            for (Map.Entry<String, Long> created : journal.committedCreations().entrySet()) {
                // the marker in the outbox shows the database kept the command's transaction, so
                // its aggregate must be there too, on H2 as well
                if (keepsAcknowledgedCommits() || markersInOutbox.contains("c-" + created.getValue())) {
                    assertThat(createdIds).as("after kill %d on %s: the aggregate of journalled command %d is stored", kills,
                            database(), created.getValue()).contains(created.getKey());
                }
            }
            Set<String> rolledBackIds = journal.rolledBackCreations();
            assertThat(aggregatesInOutbox).as("after kill %d on %s: every stored create-only aggregate's events are in the "
                    + "outbox", kills, database()).containsAll(createdIds);
            assertThat(aggregatesInOutbox).as("after kill %d on %s: no event of a rolled-back creation is in the outbox",
                    kills, database()).noneMatch(rolledBackIds::contains);
            long missing = 0;
            for (long seq : journal.committed) {
                if (keepsAcknowledgedCommits()) {
                    assertThat(markersInOutbox).as("after kill %d on %s: the events of committed command %d", kills, database(),
                            seq).contains("c-" + seq);
                } else if (!markersInOutbox.contains("c-" + seq)) {
                    missing++;
                }
            }
            lostByDatabase = missing;
            assertThat(markersInOutbox).as("after kill %d on %s: no event of a rolled-back command", kills, database())
                    .noneMatch(m -> m.startsWith("rb-"));

            Keyline relay = Keyline.builder().storage(storage).sink(sink).areaReactions(false)
                    .retryPolicy(RetryPolicy.defaults().withBatchSize(500)).build();
            relay.relay().pumpUntilIdle(10_000);
            assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 10)))
                    .as("after kill %d on %s: nothing left to deliver", kills, database()).isEmpty();
            assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.FAILED, 10))).isEmpty();
            assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.DEAD_LETTER, 10))).isEmpty();
            for (OutboxEntry e : everything) {
                if (!e.isTimer()) {
                    assertThat(delivered).as("after kill %d on %s: every committed event reached the sink", kills, database())
                            .containsKey(e.message().eventId().value().toString());
                }
            }
            for (long seq : journal.committed) {
                if (markersInOutbox.contains("c-" + seq)) {
                    assertThat(deliveredMarkers).contains("c-" + seq);
                }
            }
            assertThat(deliveredMarkers).as("no event of an uncommitted transaction was ever delivered")
                    .noneMatch(m -> m.startsWith("rb-"));
            assertThat(deliveredAggregates).as("after kill %d on %s: every stored create-only aggregate's events were "
                    + "delivered", kills, database()).containsAll(createdIds);
            assertThat(deliveredAggregates).as("no event of a rolled-back creation was ever delivered")
                    .noneMatch(rolledBackIds::contains);
        } finally {
            closeCheckSource(dataSource);
        }
    }

    /**
     * Checks a create-only area after kill {@code kills}: every aggregate its commands stored loads
     * through the repository (so through its restore path and invariant checks) and reads back
     * whole, as it was created, and none of a rolled-back command is stored. Adds the ids of the
     * stored aggregates to {@code createdIds}.
     *
     * @return how many stored aggregates no journal line accounts for (commands in flight at a kill)
     */
    private <A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>> long checkCreateOnly(
            ReliabilityWorkloads.CreateOnly<A, I, R> workload, JdbcStorage storage, Journal journal, int kills,
            Set<String> createdIds) {
        List<A> stored = storage.transactions().execute(() -> workload.stored(storage, kills));
        long unjournalled = 0;
        Set<String> storedHere = new HashSet<>();
        for (A aggregate : stored) {
            String command = workload.area() + " " + aggregate.id().value();
            storedHere.add(aggregate.id().value());
            assertThat(journal.rolledBackOn).as("after kill %d on %s: nothing of a rolled-back command is stored", kills,
                    database()).doesNotContain(command);
            assertThat(workload.contentOf(aggregate)).as("after kill %d on %s: %s reads back whole, as it was created", kills,
                    database(), command).isEqualTo(workload.createdContent(aggregate.id(), CrashWorkerMain.AT));
            if (!journal.commandsOn.containsKey(command)) {
                unjournalled++;
            }
        }
        createdIds.addAll(storedHere);
        return unjournalled;
    }

    private Process launch(Path journal, Path log, int generation, long seed) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CrashWorkerMain.class.getName(),
                workerUrl(), workerUser(), journal.toString(), Integer.toString(generation), Long.toString(seed))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until the worker journalled a command of its own generation (so it is running commands). */
    private static void awaitFirstCommand(Path journal, Process worker, Path log) throws Exception {
        long before = Files.exists(journal) ? Files.size(journal) : 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(journal) || Files.size(journal) == before) {
            if (!worker.isAlive()) {
                throw new AssertionError("the worker stopped by itself: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            assertThat(System.nanoTime()).as("the worker ran a command in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** What the workers journalled: committed and rolled-back commands, and committed commands per aggregate. */
    private static final class Journal {
        final List<Long> committed = new ArrayList<>();
        final List<Long> rolledBack = new ArrayList<>();
        final Map<String, Integer> commandsOn = new HashMap<>();
        final Set<String> rolledBackOn = new HashSet<>();
        final Map<String, Long> committedSeqOn = new HashMap<>();

        /** The ids of the aggregates that committed commands of the create-only areas created, with the commands' numbers. */
        Map<String, Long> committedCreations() {
            Map<String, Long> ids = new HashMap<>();
            for (ReliabilityWorkloads.CreateOnly<?, ?, ?> workload : ReliabilityWorkloads.CREATE_ONLY) {
                committedSeqOn.forEach((command, seq) -> {
                    if (command.startsWith(workload.area() + " ")) {
                        ids.put(command.substring(workload.area().length() + 1), seq);
                    }
                });
            }
            return ids;
        }

        /** The ids of the aggregates that rolled-back commands of the create-only areas would have created. */
        Set<String> rolledBackCreations() {
            Set<String> ids = new HashSet<>();
            for (ReliabilityWorkloads.CreateOnly<?, ?, ?> workload : ReliabilityWorkloads.CREATE_ONLY) {
                for (String command : rolledBackOn) {
                    if (command.startsWith(workload.area() + " ")) {
                        ids.add(command.substring(workload.area().length() + 1));
                    }
                }
            }
            return ids;
        }

        static Journal read(Path path) throws IOException {
            Journal journal = new Journal();
            if (!Files.exists(path)) {
                return journal;
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return journal;
            }
            // a line cut short by the kill has no newline yet: it is not counted
            for (String line : text.substring(0, end).split("\n")) {
                String[] f = line.split(" ");
                long seq = Long.parseLong(f[1]);
                if (f[0].equals("C")) {
                    journal.committed.add(seq);
                    journal.commandsOn.merge(f[2] + " " + f[3], 1, Integer::sum);
                    journal.committedSeqOn.put(f[2] + " " + f[3], seq);
                } else {
                    journal.rolledBack.add(seq);
                    journal.rolledBackOn.add(f[2] + " " + f[3]);
                }
            }
            return journal;
        }
    }
}
