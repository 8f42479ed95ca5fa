package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateSlaOrder;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SLA-order command mix ({@link SlaOrderMix}: draft an SLA, sign it for both parties, approve
 * it, accept an order, report it completed; six commands, six transactions) on Keyline, hand-written
 * JDBC and JPA entities with Hibernate ({@link HibernateSlaOrder#run(long)}), on H2 and PostgreSQL.
 * Each iteration starts from an empty database, as in {@link CommandMixBenchmark}; the score is
 * commands per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SlaOrderMixBenchmark extends CommandMixBenchmark {

    @Override
    Side keyline(Fixture fixture) {
        return new SlaOrderMix(fixture)::run;
    }

    @Override
    Side raw(Fixture fixture) {
        return new RawSlaOrder(fixture.dataSource())::run;
    }

    @Override
    Side hibernate(SessionFactory sessions) {
        return new HibernateSlaOrder(sessions)::run;
    }

    /**
     * One SLA's commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(SlaOrderMix.COMMANDS)
    public void mix() throws Exception {
        run();
    }
}
