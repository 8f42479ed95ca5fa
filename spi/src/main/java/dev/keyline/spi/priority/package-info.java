/**
 * The storage ports of the customer-priority area: billing's result facts
 * ({@link dev.keyline.spi.priority.AccountResultRepository}) and the recorded rankings
 * ({@link dev.keyline.spi.priority.PriorityRankingRepository}); the area itself is
 * {@link dev.keyline.spi.priority.PriorityArea}.
 */
package dev.keyline.spi.priority;
