package dev.keyline.benchmarks;

import dev.keyline.domain.common.EventId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An event's id, as the domain makes one at every event ({@link EventId#random()}, buffered from
 * the JDK's DRBG), beside {@link UUID#randomUUID()}, which it replaced; on one thread and on two.
 * Run with {@code java -jar benchmarks/target/keyline-benchmarks.jar EventIdBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class EventIdBenchmark {

    /**
     * An id as the domain makes it.
     *
     * @return the id
     */
    @Benchmark
    public EventId eventId() {
        return EventId.random();
    }

    /**
     * An id as {@link UUID#randomUUID()} makes it.
     *
     * @return the id
     */
    @Benchmark
    public UUID randomUuid() {
        return UUID.randomUUID();
    }

    /**
     * {@link #eventId()} on two threads at once.
     *
     * @return the id
     */
    @Benchmark
    @Threads(2)
    public EventId eventIdTwoThreads() {
        return EventId.random();
    }

    /**
     * {@link #randomUuid()} on two threads at once.
     *
     * @return the id
     */
    @Benchmark
    @Threads(2)
    public UUID randomUuidTwoThreads() {
        return UUID.randomUUID();
    }
}
