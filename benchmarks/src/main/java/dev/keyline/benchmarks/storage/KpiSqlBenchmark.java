package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.spi.Transactions;
import dev.keyline.spi.kpi.KpiFactSource;
import java.time.YearMonth;
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
 * each operation computes the next month of 2026 in Asia/Shanghai, January to December and round
 * again. A different month each time keeps H2 from answering a query with the result it kept from
 * the same query with the same parameters on unchanged tables, which would measure its cache, not
 * the computation.
 *
 * <p>Each trial loads a database of its own and, before anything is measured, checks that both
 * ways give the very same values for every month, so that the two scores are of the same work. Each operation
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
    private final Period[] months = new Period[12];
    private int next;

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
        for (int m = 0; m < months.length; m++) {
            months[m] = Period.month(YearMonth.of(2026, m + 1));
            List<KpiValue> bySql = sqlValues(months[m]);
            List<KpiValue> streamed = streamValues(months[m]);
            if (!bySql.equals(streamed)) {
                throw new IllegalStateException("SQL and streaming differ on " + database + " with " + facts
                        + " facts for " + months[m] + ":\n  SQL:       " + bySql + "\n  streaming: " + streamed);
            }
        }
        long[] read = factsOfThePeriod();
        if (read[0] == 0 || read[1] == 0 || read[2] == 0) {
            throw new IllegalStateException("the period has no facts of some kind: " + read[0] + " work orders, "
                    + read[1] + " faults, " + read[2] + " key accounts");
        }
        System.out.printf("# %s streams %,d work orders, %,d faults and %,d key accounts; values %s%n",
                StoredKpiFacts.PERIOD, read[0], read[1], read[2], sqlValues(StoredKpiFacts.PERIOD));
    }

    /** Drops the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private List<KpiValue> sqlValues(Period month) {
        return transactions.execute(() -> source.compute(month, StoredKpiFacts.ZONE));
    }

    private List<KpiValue> streamValues(Period month) {
        return transactions.execute(() -> source.stream(month, StoredKpiFacts.ZONE).values());
    }

    private Period nextMonth() {
        Period month = months[next];
        next = (next + 1) % months.length;
        return month;
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
     * Every computed KPI of the next month, summed in SQL where the provider can.
     *
     * @param blackhole consumes the values
     */
    @Benchmark
    public void sql(Blackhole blackhole) {
        blackhole.consume(sqlValues(nextMonth()));
    }

    /**
     * Every computed KPI of the next month, from every fact of the month streamed through a computation.
     *
     * @param blackhole consumes the values
     */
    @Benchmark
    public void stream(Blackhole blackhole) {
        blackhole.consume(streamValues(nextMonth()));
    }
}
