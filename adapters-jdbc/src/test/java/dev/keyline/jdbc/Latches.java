package dev.keyline.jdbc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch in a test that runs transactions on several threads. */
final class Latches {

    private Latches() {
    }

    /**
     * Waits until {@code latch} opens.
     *
     * @param latch the latch
     * @param seconds how long to wait at most
     * @param missed what the failure says when the latch did not open in time
     * @throws AssertionError when it did not open in time, or the wait was interrupted
     */
    static void await(CountDownLatch latch, long seconds, String missed) {
        try {
            if (!latch.await(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError(missed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
