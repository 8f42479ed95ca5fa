/** The customer-priority area's compatibility kit: {@link dev.keyline.tck.priority.PriorityAreaContract}. */
package dev.keyline.tck.priority;
