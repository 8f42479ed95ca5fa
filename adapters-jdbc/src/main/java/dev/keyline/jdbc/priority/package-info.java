/** The customer-priority area in the JDBC provider: {@link dev.keyline.jdbc.priority.JdbcPriorityArea}. */
package dev.keyline.jdbc.priority;
