/** The HR interface area in the JDBC provider: staffing and incentive ledgers in tables of their own. */
package dev.keyline.jdbc.staff;
