/**
 * JMH benchmarks of Keyline's population-wide rules. Not published; run with
 * {@code java -jar benchmarks/target/keyline-benchmarks.jar}.
 */
package dev.keyline.benchmarks;
