package dev.keyline.examples.demo;

import dev.keyline.domain.common.Require;

import java.time.Instant;

/**
 * The relay pumped until nothing was due, once, during the story.
 *
 * @param occasion what the story had just done, for example {@code the churn warning}
 * @param at the demo clock's time of the run
 * @param delivered entries delivered to every sink they were routed to
 * @param retried entries that failed and are due again after a backoff
 * @param deadLettered entries given up
 */
public record RelayRun(String occasion, Instant at, int delivered, int retried, int deadLettered) {

    /** Validates the run. */
    public RelayRun {
        Require.nonBlank(occasion, "occasion");
        Require.nonNull(at, "at");
        Require.nonNegative(delivered, "delivered");
        Require.nonNegative(retried, "retried");
        Require.nonNegative(deadLettered, "deadLettered");
    }
}
