/**
 * The compatibility kit of the KPI area: the fact source reads exactly the stored facts a
 * computation counts, and a provider's own summing gives the same values as streaming them.
 */
package dev.keyline.tck.kpi;
