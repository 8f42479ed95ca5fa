/**
 * The JDBC repositories of commercial authorisation (商务授权), over the tables of migration
 * {@code V200__price_authorisation.sql} (block 200–299); {@link JdbcAuthorityArea} installs them in
 * every {@link dev.keyline.jdbc.JdbcStorage}. They follow the conventions of
 * {@link dev.keyline.jdbc.account}.
 */
package dev.keyline.jdbc.authority;
