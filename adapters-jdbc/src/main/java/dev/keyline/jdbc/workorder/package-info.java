/** The work-order area in the JDBC provider: fault tickets in the tables of migrations 550–599. */
package dev.keyline.jdbc.workorder;
