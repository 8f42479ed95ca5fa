package dev.keyline.benchmarks.storage;

import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.spi.Transactions;
import dev.keyline.spi.kpi.KpiFactSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A month's computed KPIs from the stored facts, two ways, on H2 and PostgreSQL: {@link #sql()}
 * asks the JDBC provider's {@link KpiFactSource#compute}, which sums the column-based KPIs'
 * numerators and denominators in SQL, and {@link #stream()} streams every fact of the month
 * through a {@link dev.keyline.domain.kpi.KpiComputation} ({@link KpiFactSource#stream}, the path a
 * provider without SQL takes). The database holds {@code facts} facts spread over 2026
 * ({@link StoredKpiFacts}: accepted provisioning orders, resolved fault tickets and key accounts);
 * June 2026 in Asia/Shanghai is computed.
 *
 * <p>Each trial loads a database of its own and, before anything is measured, checks that both
 * ways give the very same values, so that the two scores are of the same work. Each operation
 * runs in a read transaction of its own, as {@link KpiFactSource} requires. Run with
 * {@code java -jar benchmarks/target/keyline-benchmarks.jar KpiSqlBenchmark}; PostgreSQL is the
 * server named by {@value Database#SERVER_PORT} when it is set, else one started by the fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class KpiSqlBenchmark {

    /** The database. */
    @Param({"H2", "POSTGRES"})
    public Database database;

    /** Facts stored before measuring, a multiple of {@value StoredKpiFacts#SEEDS}. */
    @Param({"10000", "100000"})
    public int facts;

    private Fixture fixture;
    private Transactions transactions;
    private KpiFactSource source;

    /**
     * Loads the database and checks that both ways compute the same values.
     *
     * @throws IllegalStateException when they differ, or when the month has no fact of a kind
     */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = StoredKpiFacts.load(database, facts);
        transactions = fixture.storage().transactions();
        source = fixture.storage().port(KpiFactSource.class);
        List<KpiValue> bySql = sqlValues();
        List<KpiValue> streamed = streamValues();
        if (!bySql.equals(streamed)) {
            throw new IllegalStateException("SQL and streaming differ on " + database + " with " + facts
                    + " facts:\n  SQL:       " + bySql + "\n  streaming: " + streamed);
        }
        long[] read = factsOfThePeriod();
        if (read[0] == 0 || read[1] == 0 || read[2] == 0) {
            throw new IllegalStateException("the period has no facts of some kind: " + read[0] + " work orders, "
                    + read[1] + " faults, " + read[2] + " key accounts");
        }
        System.out.printf("# %s streams %,d work orders, %,d faults and %,d key accounts; values %s%n",
                StoredKpiFacts.PERIOD, read[0], read[1], read[2], bySql);
    }

    /** Drops the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private List<KpiValue> sqlValues() {
        return transactions.execute(() -> source.compute(StoredKpiFacts.PERIOD, StoredKpiFacts.ZONE));
    }

    private List<KpiValue> streamValues() {
        return transactions.execute(() -> source.stream(StoredKpiFacts.PERIOD, StoredKpiFacts.ZONE).values());
    }

    /** How many work orders, faults and key accounts the stream of the period reads. */
    private long[] factsOfThePeriod() {
        AtomicLong orders = new AtomicLong();
        AtomicLong faults = new AtomicLong();
        AtomicLong accounts = new AtomicLong();
        transactions.run(() -> {
            source.workOrders(StoredKpiFacts.PERIOD, StoredKpiFacts.ZONE, f -> orders.incrementAndGet());
            source.faults(StoredKpiFacts.PERIOD, StoredKpiFacts.ZONE, f -> faults.incrementAndGet());
            source.accounts(StoredKpiFacts.PERIOD, StoredKpiFacts.ZONE, f -> accounts.incrementAndGet());
        });
        return new long[] {orders.get(), faults.get(), accounts.get()};
    }

    /**
     * Every computed KPI of the month, summed in SQL where the provider can.
     *
     * @param blackhole consumes the values
     */
    @Benchmark
    public void sql(Blackhole blackhole) {
        blackhole.consume(sqlValues());
    }

    /**
     * Every computed KPI of the month, from every fact of the month streamed through a computation.
     *
     * @param blackhole consumes the values
     */
    @Benchmark
    public void stream(Blackhole blackhole) {
        blackhole.consume(streamValues());
    }
}
