/** The HR interface area in the in-memory provider: its repositories over the storage's tables. */
package dev.keyline.memory.staff;
