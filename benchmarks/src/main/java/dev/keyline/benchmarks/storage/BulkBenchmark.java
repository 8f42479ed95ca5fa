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
 * Bulk: provisioning orders of six stages opened in transactions of {@value #PER_TRANSACTION}, on
 * Keyline (one command per order, all joining the transaction), hand-written JDBC (every table one
 * batch per transaction) and Hibernate (flush and clear every {@link Orm#BATCH_SIZE} orders), on H2
 * and PostgreSQL. One invocation is one transaction; a measured iteration is
 * {@code batchSize} of them into an empty database ({@value #TRANSACTIONS} transactions, 100,000
 * orders, unless {@code -bs} says otherwise). JMH's single-shot score is the time of the whole batch
 * over the orders of one invocation; the report divides it by the batch size and turns it into
 * orders per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, batchSize = BulkBenchmark.TRANSACTIONS)
@Measurement(iterations = 3, batchSize = BulkBenchmark.TRANSACTIONS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BulkBenchmark {

    /** Orders per transaction. */
    public static final int PER_TRANSACTION = 1000;

    /** Transactions per iteration by default. */
    public static final int TRANSACTIONS = 100;

    /** The database. */
    @Param({"H2", "POSTGRES"})
    public Database database;

    /** Which side writes: {@code keyline}, {@code raw} or {@code hibernate}. */
    @Param({"keyline", "raw", "hibernate"})
    public String side;

    private Fixture fixture;
    private SessionFactory sessions;
    private Batch batch;
    private long next;

    /** One transaction of orders {@code from} to {@code to - 1}. */
    @FunctionalInterface
    interface Batch {
        void insert(long from, long to) throws Exception;
    }

    /** A new, empty database for every iteration, and the side on it. */
    @Setup(Level.Iteration)
    public void setUp() {
        fixture = Fixture.create(database);
        next = 0;
        batch = switch (side) {
            case "keyline" -> new ProvisioningMix(fixture)::openAll;
            case "raw" -> new RawProvisioning(fixture.dataSource())::insertAll;
            case "hibernate" -> {
                sessions = Orm.sessionFactory(fixture.dataSource());
                yield new HibernateProvisioning(sessions)::insertAll;
            }
            default -> throw new IllegalArgumentException("unknown side " + side);
        };
    }

    /** Drops the database. */
    @TearDown(Level.Iteration)
    public void tearDown() {
        if (sessions != null) {
            sessions.close();
            sessions = null;
        }
        fixture.close();
    }

    /**
     * One transaction of {@value #PER_TRANSACTION} orders.
     *
     * @throws Exception when the database fails
     */
    @Benchmark
    @OperationsPerInvocation(PER_TRANSACTION)
    public void transaction() throws Exception {
        long from = next;
        next += PER_TRANSACTION;
        batch.insert(from, next);
    }
}
