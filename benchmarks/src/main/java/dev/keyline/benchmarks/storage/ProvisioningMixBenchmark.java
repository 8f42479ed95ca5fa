package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateProvisioning;
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
 * The provisioning-order command mix ({@link ProvisioningMix}: open an order of six stages, start
 * stage 1, complete it; three commands, three transactions) on Keyline, hand-written JDBC and
 * JPA entities with Hibernate ({@link HibernateProvisioning#run(long)}), on H2 and PostgreSQL.
 * Each iteration starts from an empty database, as in {@link KeyAccountMixBenchmark}; the score is
 * commands per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ProvisioningMixBenchmark {

    /** The database. */
    @Param({"H2", "POSTGRES"})
    public Database database;

    /** Which side writes: {@code keyline}, {@code raw} or {@code hibernate}. */
    @Param({"keyline", "raw", "hibernate"})
    public String side;

    private Fixture fixture;
    private SessionFactory sessions;
    private KeyAccountMixBenchmark.Side runner;
    private long next;

    /** A new database for the iteration and the side on it. */
    @Setup(Level.Iteration)
    public void setUp() {
        fixture = Fixture.create(database);
        runner = switch (side) {
            case "keyline" -> new ProvisioningMix(fixture)::run;
            case "raw" -> new RawProvisioning(fixture.dataSource())::run;
            case "hibernate" -> {
                sessions = Orm.sessionFactory(fixture.dataSource());
                yield new HibernateProvisioning(sessions)::run;
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
     * One order's three commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(ProvisioningMix.COMMANDS)
    public void mix() throws Exception {
        runner.run(next++);
    }
}
