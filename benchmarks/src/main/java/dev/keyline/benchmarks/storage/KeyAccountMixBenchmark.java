package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateKeyAccountMix;
import dev.keyline.benchmarks.storage.orm.Orm;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
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
 * The key-account command mix ({@link KeyAccountMix}: register, assign the manager, activate,
 * record six spend facts; four commands, four transactions) on Keyline, hand-written JDBC and
 * Hibernate, on H2 and PostgreSQL. The score is commands per second on one thread.
 *
 * <p>Each iteration, warm-up or measured, starts from an empty database. On one database per trial,
 * H2 in memory ran the budget-commitment mix about two fifths slower, on Keyline's side and the raw
 * side alike, once some 1,300,000 to 1,400,000 commands had been written, so a trial of long
 * iterations compared a faster side partly past that point with a slower side before it; a new
 * database per iteration keeps every iteration on the same range of stored rows (the performance
 * document's "A new database at every iteration of the command mixes").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class KeyAccountMixBenchmark {

    /** The database. */
    @Param({"H2", "POSTGRES"})
    public Database database;

    /** Which side writes: {@code keyline}, {@code raw} or {@code hibernate}. */
    @Param({"keyline", "raw", "hibernate"})
    public String side;

    private Fixture fixture;
    private SessionFactory sessions;
    private Side runner;
    private long next;

    /** One account's four commands. */
    @FunctionalInterface
    interface Side {
        void run(long n) throws Exception;
    }

    /** A new database for the iteration and the side on it. */
    @Setup(Level.Iteration)
    public void setUp() {
        fixture = Fixture.create(database);
        runner = switch (side) {
            case "keyline" -> new KeyAccountMix(fixture)::run;
            case "raw" -> new RawKeyAccountMix(fixture.dataSource())::run;
            case "hibernate" -> {
                sessions = Orm.sessionFactory(fixture.dataSource());
                yield new HibernateKeyAccountMix(sessions)::run;
            }
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
    }

    /** Drops the iteration's database. */
    @TearDown(Level.Iteration)
    public void tearDown() {
        if (sessions != null) {
            sessions.close();
        }
        fixture.close();
    }

    /**
     * One account's four commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(KeyAccountMix.COMMANDS)
    public void mix() throws Exception {
        runner.run(next++);
    }
}
