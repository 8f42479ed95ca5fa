/**
 * The work-order area in the JDBC provider: provisioning orders with their stages and hand-offs as
 * child tables (migrations 500–549), and fault tickets with their logs (migrations 550–599).
 */
package dev.keyline.jdbc.workorder;
