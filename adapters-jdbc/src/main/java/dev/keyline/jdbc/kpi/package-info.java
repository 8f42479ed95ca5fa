/**
 * The KPI area's JDBC part: the fact source over the other areas' tables, which streams facts
 * from cursors with a fetch size and sums the numerators and denominators of the KPIs whose facts
 * are plain columns in SQL ({@link JdbcKpiArea}, migrations block 700–799). It follows the
 * conventions of {@link dev.keyline.jdbc.account}.
 */
package dev.keyline.jdbc.kpi;
