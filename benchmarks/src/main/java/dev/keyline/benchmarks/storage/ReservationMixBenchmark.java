package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateReservation;
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
 * The reservation command mix ({@link ReservationMix}: reserve four units of a pool, extend the
 * reservation, allocate its units, release them; four commands, four transactions) on Keyline,
 * hand-written JDBC and JPA entities with Hibernate ({@link HibernateReservation#run(long)}), on H2
 * and PostgreSQL. Each iteration starts from an empty database with the pool opened, as in
 * {@link CommandMixBenchmark}; the score is commands per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ReservationMixBenchmark extends CommandMixBenchmark {

    @Override
    Side keyline(Fixture fixture) {
        return new ReservationMix(fixture)::run;
    }

    @Override
    Side raw(Fixture fixture) throws java.sql.SQLException {
        return new RawReservation(fixture.dataSource())::run;
    }

    @Override
    Side hibernate(SessionFactory sessions) {
        return new HibernateReservation(sessions)::run;
    }

    /**
     * One reservation's commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(ReservationMix.COMMANDS)
    public void mix() throws Exception {
        run();
    }
}
