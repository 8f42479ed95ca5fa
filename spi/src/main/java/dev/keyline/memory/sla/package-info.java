/** The SLA area in the in-memory provider: its repository over the storage's tables. */
package dev.keyline.memory.sla;
