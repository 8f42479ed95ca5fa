package dev.keyline.jdbc;

import java.sql.SQLException;

/**
 * Maps the current row of a result to a value. A mapper reads through the {@link Row}'s typed
 * getters; the {@link SQLException} it may throw (when it uses {@link Row#resultSet()}) is wrapped
 * by {@link JdbcSession} in a {@link dev.keyline.spi.StorageException}.
 *
 * @param <T> the mapped type
 */
@FunctionalInterface
public interface RowMapper<T> {

    /**
     * Maps one row; must not move the cursor.
     *
     * @param row the current row
     * @return the value for it
     * @throws SQLException when reading the row fails
     */
    T map(Row row) throws SQLException;
}
