package dev.keyline.benchmarks.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * A period of work timed by its thread's CPU time and the wall time: the loops that compare the
 * sides in turns ({@link FindTimes}, {@link CommandTimes}) run their batches through it.
 *
 * @param units how many units of work the period ran
 * @param cpuNanos the calling thread's CPU time over the period
 * @param wallNanos the wall time over the period
 */
record TimedPeriod(long units, long cpuNanos, long wallNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + period.toNanos();
        while (System.nanoTime() < end) {
            units += batch.run(units);
        }
        return new TimedPeriod(units, THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - start);
    }

    /** {@return the CPU time per unit, in microseconds} */
    double cpuMicrosPerUnit() {
        return cpuNanos / 1e3 / units;
    }

    /** {@return the wall time per unit, in microseconds} */
    double wallMicrosPerUnit() {
        return wallNanos / 1e3 / units;
    }
}
