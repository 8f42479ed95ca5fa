package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateProvisioning;
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
 * The provisioning-order command mix ({@link ProvisioningMix}: open an order of six stages, start
 * stage 1, complete it; three commands, three transactions) on Keyline, hand-written JDBC and
 * JPA entities with Hibernate ({@link HibernateProvisioning#run(long)}), on H2 and PostgreSQL.
 * Each iteration starts from an empty database, as in {@link CommandMixBenchmark}; the score is
 * commands per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ProvisioningMixBenchmark extends CommandMixBenchmark {

    @Override
    Side keyline(Fixture fixture) {
        return new ProvisioningMix(fixture)::run;
    }

    @Override
    Side raw(Fixture fixture) {
        return new RawProvisioning(fixture.dataSource())::run;
    }

    @Override
    Side hibernate(SessionFactory sessions) {
        return new HibernateProvisioning(sessions)::run;
    }

    /**
     * One order's commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(ProvisioningMix.COMMANDS)
    public void mix() throws Exception {
        run();
    }
}
