/** The KPI area's in-memory part: the fact source over the other areas' in-memory tables. */
package dev.keyline.memory.kpi;
