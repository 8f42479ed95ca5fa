/**
 * The JDBC storage provider: {@link dev.keyline.jdbc.JdbcStorage} over a host's
 * {@link javax.sql.DataSource}, on H2 or PostgreSQL.
 *
 * <p>What a host uses: {@link dev.keyline.jdbc.JdbcStorage#builder(javax.sql.DataSource)}. What an
 * area repository is written with: {@link dev.keyline.jdbc.JdbcAggregateRepository} for the
 * versioned main row, {@link dev.keyline.jdbc.JdbcSession} for every other statement,
 * {@link dev.keyline.jdbc.Row} and {@link dev.keyline.jdbc.RowMapper} to read results,
 * {@link dev.keyline.jdbc.Columns} for generated INSERTs and UPDATEs. Schema changes are Flyway
 * migrations next to {@code V1__outbox.sql} (see {@link dev.keyline.jdbc.JdbcStorage}).
 */
package dev.keyline.jdbc;
