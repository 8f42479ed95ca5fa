package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateKeyAccountMix;
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
 * The key-account command mix ({@link KeyAccountMix}: register, assign the manager, activate,
 * record six spend facts; four commands, four transactions) on Keyline, hand-written JDBC and
 * Hibernate, on H2 and PostgreSQL. The score is commands per second on one thread.
 *
 * <p>Each iteration starts from an empty database unless {@code -p newDatabase=trial} is given (see
 * {@link CommandMixBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class KeyAccountMixBenchmark extends CommandMixBenchmark {

    @Override
    Side keyline(Fixture fixture) {
        return new KeyAccountMix(fixture)::run;
    }

    @Override
    Side raw(Fixture fixture) {
        return new RawKeyAccountMix(fixture.dataSource())::run;
    }

    @Override
    Side hibernate(SessionFactory sessions) {
        return new HibernateKeyAccountMix(sessions)::run;
    }

    /**
     * One account's commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(KeyAccountMix.COMMANDS)
    public void mix() throws Exception {
        run();
    }
}
