/** The SLA area in the JDBC provider: its repository and migrations (block 400–499). */
package dev.keyline.jdbc.sla;
