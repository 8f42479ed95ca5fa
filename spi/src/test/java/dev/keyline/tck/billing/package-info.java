/** The compatibility kit of the billing area: its repositories and runtime services. */
package dev.keyline.tck.billing;
