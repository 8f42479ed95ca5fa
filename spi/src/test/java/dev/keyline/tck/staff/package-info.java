/** The compatibility kit of the HR interface area: its repositories and its runtime services on a provider. */
package dev.keyline.tck.staff;
