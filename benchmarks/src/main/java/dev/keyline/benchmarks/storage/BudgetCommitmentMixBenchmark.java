package dev.keyline.benchmarks.storage;

import dev.keyline.benchmarks.storage.orm.HibernateBudgetCommitment;
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
 * The budget-commitment command mix ({@link BudgetCommitmentMix}: set a budget's targets, draft it,
 * plan its line, submit, approve and issue it, book a request on the line and replace it by a larger
 * order; eight commands, eight transactions) on Keyline, hand-written JDBC and JPA entities with
 * Hibernate ({@link HibernateBudgetCommitment#run(long)}), on H2 and PostgreSQL. Each iteration
 * starts from an empty database, as in {@link CommandMixBenchmark}; the score is commands per
 * second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class BudgetCommitmentMixBenchmark extends CommandMixBenchmark {

    @Override
    Side keyline(Fixture fixture) {
        return new BudgetCommitmentMix(fixture)::run;
    }

    @Override
    Side raw(Fixture fixture) {
        return new RawBudgetCommitment(fixture.dataSource())::run;
    }

    @Override
    Side hibernate(SessionFactory sessions) {
        return new HibernateBudgetCommitment(sessions)::run;
    }

    /**
     * One budget's commands.
     *
     * @throws Exception when a command fails
     */
    @Benchmark
    @OperationsPerInvocation(BudgetCommitmentMix.COMMANDS)
    public void mix() throws Exception {
        run();
    }
}
