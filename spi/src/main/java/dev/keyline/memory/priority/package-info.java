/** The customer-priority area in the in-memory provider: {@link dev.keyline.memory.priority.InMemoryPriorityArea}. */
package dev.keyline.memory.priority;
