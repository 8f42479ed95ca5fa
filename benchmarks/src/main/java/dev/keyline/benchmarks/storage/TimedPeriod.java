package dev.keyline.benchmarks.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * A period of work timed by its thread's CPU time and the wall time, with the bytes its thread
 * allocated: the loops that compare the sides in turns ({@link FindTimes}, {@link CommandTimes},
 * {@link InterleavedTimes}) run their batches through it, and check their rounds with
 * {@link #checkRounds}. On H2 in memory the database works on the calling thread, so its
 * allocations are counted with the caller's.
 *
 * @param units how many units of work the period ran
 * @param cpuNanos the calling thread's CPU time over the period
 * @param wallNanos the wall time over the period
 * @param allocatedBytes the bytes the calling thread allocated over the period, or -1 where the
 *     JVM does not count them
 */
record TimedPeriod(long units, long cpuNanos, long wallNanos, long allocatedBytes) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** HotSpot's bean, which counts a thread's allocations; null on a JVM without it. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocations();

    private static com.sun.management.ThreadMXBean allocations() {
        if (THREADS instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()) {
            counting.setThreadAllocatedMemoryEnabled(true);
            return counting;
        }
        return null;
    }

    /** The calling thread's allocated bytes so far, or -1 where they are not counted. */
    private static long allocatedSoFar() {
        return ALLOCATIONS == null ? -1 : ALLOCATIONS.getCurrentThreadAllocatedBytes();
    }

    /** A batch of work: runs a few units from {@code first} on and says how many it ran. */
    @FunctionalInterface
    interface Batch<E extends Exception> {
        long run(long first) throws E;
    }

    /**
     * Runs batches one after another until {@code period} has passed (the last batch runs to its
     * end), counting units from 0.
     *
     * @param <E> what a batch may throw
     * @param period how long to run
     * @param batch the batch
     * @return the units run and the times they took
     * @throws E when a batch fails
     */
    static <E extends Exception> TimedPeriod run(Duration period, Batch<E> batch) throws E {
        long units = 0;
        long allocated = allocatedSoFar();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + period.toNanos();
        while (System.nanoTime() < end) {
            units += batch.run(units);
        }
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        long wallNanos = System.nanoTime() - start;
        long allocatedNow = allocatedSoFar();
        return new TimedPeriod(units, cpuNanos, wallNanos, allocated < 0 || allocatedNow < 0 ? -1 : allocatedNow - allocated);
    }

    /**
     * Checks the rounds and period of a loop whose sides take turns and whose first round warms the
     * JVM up.
     *
     * @param rounds how many rounds, at least 2
     * @param period how long each side runs in a round, positive
     * @throws IllegalArgumentException naming the one that is wrong
     */
    static void checkRounds(int rounds, Duration period) {
        if (rounds < 2) {
            throw new IllegalArgumentException("rounds must be at least 2 (the first warms up), was " + rounds);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }

    /** {@return the CPU time per unit, in microseconds} */
    double cpuMicrosPerUnit() {
        return cpuNanos / 1e3 / units;
    }

    /** {@return the wall time per unit, in microseconds} */
    double wallMicrosPerUnit() {
        return wallNanos / 1e3 / units;
    }

    /** {@return the bytes allocated per unit, or -1 where they are not counted} */
    double allocatedBytesPerUnit() {
        return allocatedBytes < 0 ? -1 : (double) allocatedBytes / units;
    }
}
