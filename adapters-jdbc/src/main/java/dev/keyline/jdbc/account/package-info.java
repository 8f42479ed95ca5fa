/**
 * The JDBC repositories of the key-account area (大客户管理), over the tables of migration
 * {@code V100__key_accounts.sql} (block 100–199); {@link JdbcAccountArea} installs them in every
 * {@link dev.keyline.jdbc.JdbcStorage}. The aggregates with child tables extend {@link
 * dev.keyline.jdbc.JdbcParentChildRepository}.
 *
 * <p>Every aggregate has one row in its own table (with a {@code version} column for the
 * optimistic check) and child tables for its owned collections, keyed by the aggregate's key and a
 * line number. A save updates the row with {@code ... version = version + 1 WHERE id = ? AND
 * version = ?} and then replaces the child rows, all in the caller's transaction and through the
 * provider's {@link dev.keyline.jdbc.JdbcSession}, so no {@code SQLException} leaves the provider.
 * A load reads the row and the children and then checks the row's version again: under READ
 * COMMITTED another transaction may commit a save between those statements, and the aggregate is
 * then read again, so a load never mixes two saves. Queries read their rows lazily and the
 * children of many rows per statement. Loaded state goes through the aggregates' {@code restore}
 * methods, which validate it again.
 *
 * <p>The spend-fact ledger and the classification results are written once and never changed, so
 * they have neither a version nor the second look at it.
 */
package dev.keyline.jdbc.account;
