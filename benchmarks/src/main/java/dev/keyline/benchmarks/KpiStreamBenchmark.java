package dev.keyline.benchmarks;

import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.FaultFact;
import dev.keyline.domain.kpi.ForecastFact;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.PoolFact;
import dev.keyline.domain.kpi.WorkOrderFact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streams 10,000,000 facts into the five computed ratio KPIs (market-response compliance,
 * fault-handling timeliness, churn rate, forecast accuracy and resource utilisation) for a
 * quarter in Asia/Shanghai, through {@link KpiComputation}, with the heap capped at 256 MB.
 *
 * <p>Every fact is built as it is fed, as a storage reader would hand it over, and dropped at
 * once; nothing holds the stream. The mix per 100 facts: 40 work orders, 25 faults, 15 key
 * accounts, 15 forecasts and 5 resource pools, with instants spread over a year around the
 * quarter (so some fall outside it), some facts still open, and ids drawn from a fixed set of
 * strings (a reader's ids cost the reader, not the computation). The score is facts per second.
 * Run with {@code java -jar benchmarks/target/keyline-benchmarks.jar KpiStreamBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class KpiStreamBenchmark {

    /** Facts per invocation. */
    public static final int FACTS = 10_000_000;

    private static final int IDS = 4096;
    private static final long DAY = 86_400L;

    private final Period period = Period.quarter(2026, 1);
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");
    private final List<ComputedKpi> ratios = List.of(ComputedKpi.MARKET_RESPONSE_COMPLIANCE,
            ComputedKpi.FAULT_HANDLING_TIMELINESS, ComputedKpi.CHURN_RATE, ComputedKpi.FORECAST_ACCURACY,
            ComputedKpi.RESOURCE_UTILIZATION);
    private String[] ids;
    private long origin;
    private LocalDate originDay;
    private YearMonth originMonth;
    private long seed;

    /** Builds the fixed set of ids and the year the instants are spread over. */
    @Setup
    public void prepare() {
        ids = new String[IDS];
        for (int i = 0; i < IDS; i++) {
            ids[i] = "F" + i;
        }
        origin = Instant.parse("2025-11-01T00:00:00Z").getEpochSecond();
        originDay = LocalDate.of(2025, 11, 1);
        originMonth = YearMonth.of(2025, 11);
    }

    /**
     * Generates and feeds {@value #FACTS} facts, then reads the five values.
     *
     * @return the values, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(FACTS)
    public List<KpiValue> stream() {
        SplittableRandom random = new SplittableRandom(++seed);
        KpiComputation computation = new KpiComputation(period, zone);
        for (int i = 0; i < FACTS; i++) {
            int kind = random.nextInt(100);
            String id = ids[i & (IDS - 1)];
            if (kind < 40) {
                long committed = origin + random.nextLong(180 * DAY);
                Optional<Instant> completed = random.nextInt(10) == 0 ? Optional.empty()
                        : Optional.of(Instant.ofEpochSecond(committed - 3 * DAY + random.nextLong(4 * DAY)));
                computation.accept(new WorkOrderFact(id, Instant.ofEpochSecond(committed), completed));
            } else if (kind < 65) {
                long deadline = origin + random.nextLong(180 * DAY);
                Optional<Instant> resolved = random.nextInt(20) == 0 ? Optional.empty()
                        : Optional.of(Instant.ofEpochSecond(deadline - DAY + random.nextLong(DAY + DAY / 4)));
                computation.accept(new FaultFact(id, Instant.ofEpochSecond(deadline), resolved));
            } else if (kind < 80) {
                LocalDate keySince = originDay.minusDays(random.nextInt(2000));
                Optional<LocalDate> leftOn = random.nextInt(8) == 0
                        ? Optional.of(keySince.plusDays(random.nextInt(2200))) : Optional.empty();
                computation.accept(new AccountFact(id, keySince, leftOn));
            } else if (kind < 95) {
                long agreed = random.nextLong(10_000);
                long actual = Math.max(0, agreed - 1_000 + random.nextLong(2_000));
                computation.accept(new ForecastFact(id, originMonth.plusMonths(random.nextInt(6)), agreed, actual));
            } else {
                long capacity = 1 + random.nextLong(100_000);
                computation.accept(new PoolFact(id, capacity, random.nextLong(capacity + 1)));
            }
        }
        return ratios.stream().map(computation::value).toList();
    }
}
