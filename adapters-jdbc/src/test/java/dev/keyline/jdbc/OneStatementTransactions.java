package dev.keyline.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * Test convenience: the {@link JdbcSession} operations, each run in a transaction of its own (or
 * joining the one active on the thread), so fixtures and checks read as single statements.
 */
final class OneStatementTransactions {

    private final JdbcSession session;
    private final JdbcTransactions transactions;

    OneStatementTransactions(JdbcStorage storage) {
        this.session = storage.session();
        this.transactions = storage.transactions();
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return transactions.execute(() -> session.query(sql, mapper, params));
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        return transactions.execute(() -> session.queryOne(sql, mapper, params));
    }

    int update(String sql, Object... params) {
        return transactions.execute(() -> session.update(sql, params));
    }

    int[] batch(String sql, List<Object[]> rows) {
        return transactions.execute(() -> session.batch(sql, rows));
    }

    void insert(String entityName, String table, Columns values) {
        transactions.run(() -> session.insert(entityName, table, values));
    }

    long updateVersioned(String entityName, String table, String idColumn, Object id, long expectedVersion, Columns values) {
        return transactions.execute(() -> session.updateVersioned(entityName, table, idColumn, id, expectedVersion, values));
    }

    long updateVersioned(String entityName, long expectedVersion, String sql, Object... params) {
        return transactions.execute(() -> session.updateVersioned(entityName, expectedVersion, sql, params));
    }
}
