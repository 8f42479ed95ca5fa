/**
 * The billing area's JDBC repositories: billing accounts with their preference history and
 * arrears bands, and billing's arrears-fact ledger. Migrations 800–849.
 */
package dev.keyline.jdbc.billing;
