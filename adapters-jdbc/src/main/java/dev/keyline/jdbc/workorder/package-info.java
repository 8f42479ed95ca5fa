/** The work-order area in the JDBC provider: provisioning orders with their stages and hand-offs as child tables. */
package dev.keyline.jdbc.workorder;
