/**
 * Customer priority through the runtime: {@link dev.keyline.runtime.priority.PriorityRankings}
 * records billing's result facts, ranks the key accounts per period and segment, and gives the
 * work-order services the service priorities that follow the ranking.
 */
package dev.keyline.runtime.priority;
