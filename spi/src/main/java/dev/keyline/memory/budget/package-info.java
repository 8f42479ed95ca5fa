/** The budget area's in-memory repositories. */
package dev.keyline.memory.budget;
