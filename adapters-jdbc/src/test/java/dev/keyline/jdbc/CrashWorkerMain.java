package dev.keyline.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.fixture.FixtureEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The worker of the "Crash" suite, in a JVM of its own that the test kills with SIGKILL: it runs
 * random commands across every area of {@link ReliabilityWorkloads} on the database it is given, one
 * at a time, until it is killed. Each command creates or changes one aggregate of an
 * {@link ReliabilityWorkloads.Entry} (key {@code k0} to {@code k2}), or creates the aggregate of
 * command number {@code seq} of a {@link ReliabilityWorkloads.CreateOnly} area (key: its id), and
 * publishes a marker event {@code c-<seq>} (a worker's first commands create one aggregate of every
 * create-only area, so that each is covered however early the kill comes); about one in five publishes {@code rb-<seq>} instead and is rolled
 * back on purpose. Only after {@code execute} returned, so after the commit, does it append
 * {@code C <seq> <area> <key>} to its journal and force the journal to disk; a rolled-back command
 * appends {@code R <seq> <area> <key>}. So a journalled command is certainly committed, and at most
 * the one command in flight when the worker dies may be committed without a journal line.
 */
final class CrashWorkerMain {

    /** Keys per area: few, so commands keep changing the same aggregates. */
    static final int KEYS = 3;

    /** The instant of every command: one instant keeps every change "not before the last". */
    static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");

    private CrashWorkerMain() {
    }

    /** Thrown inside a command to roll it back. */
    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs the worker until it is killed.
     *
     * @param args JDBC URL, user, journal path, generation (numbers the commands apart from earlier workers), seed
     */
    public static void main(String[] args) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setMaximumPoolSize(1);
        Path journalPath = Path.of(args[2]);
        long generation = Long.parseLong(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        try (HikariDataSource dataSource = new HikariDataSource(config);
             FileChannel journal = FileChannel.open(journalPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.APPEND)) {
            JdbcStorage storage = JdbcStorage.builder(dataSource).build();
            Keyline keyline = Keyline.builder().storage(storage).areaReactions(false)
                    .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
            System.out.println("READY");
            System.out.flush();
            int workloads = ReliabilityWorkloads.ALL.size() + ReliabilityWorkloads.CREATE_ONLY.size();
            for (long i = 0; ; i++) {
                long seq = generation * ReliabilityWorkloads.PER_GENERATION + i;
                // each worker's first commands create one aggregate of every create-only area, so that
                // they are covered however few commands a worker runs before its kill; then at random
                int pick = i < ReliabilityWorkloads.CREATE_ONLY.size() ? ReliabilityWorkloads.ALL.size() + (int) i
                        : random.nextInt(workloads);
                boolean rollBack = random.nextInt(5) == 0;
                String area;
                String key;
                Consumer<CommandContext> command; // what the command does to its area's aggregate
                if (pick < ReliabilityWorkloads.ALL.size()) {
                    ReliabilityWorkloads.Entry<?, ?, ?> entry = ReliabilityWorkloads.ALL.get(pick);
                    area = entry.area();
                    key = "k" + random.nextInt(KEYS);
                    command = ctx -> {
                        if (entry.storedVersion(storage, key).isPresent()) {
                            entry.change(ctx, storage, key, (int) (seq % 1_000_000_000L));
                        } else {
                            entry.create(ctx, storage, key);
                        }
                    };
                } else {
                    // a create-only area: every command creates a new aggregate, named by its number
                    ReliabilityWorkloads.CreateOnly<?, ?, ?> workload =
                            ReliabilityWorkloads.CREATE_ONLY.get(pick - ReliabilityWorkloads.ALL.size());
                    area = workload.area();
                    key = workload.idText(seq);
                    command = ctx -> workload.create(ctx, storage, seq);
                }
                try {
                    keyline.run(ctx -> {
                        command.accept(ctx);
                        ctx.publish(FixtureEvent.about((rollBack ? "rb-" : "c-") + seq, ctx.now(), area + " " + key));
                        if (rollBack) {
                            throw new RollBack();
                        }
                    });
                    write(journal, "C " + seq + " " + area + " " + key);
                } catch (RollBack e) {
                    write(journal, "R " + seq + " " + area + " " + key);
                }
            }
        }
    }

    private static void write(FileChannel journal, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            journal.write(bytes);
        }
        journal.force(false);
    }
}
