package dev.keyline.jdbc;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.spi.StorageException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The write-behind of one transaction: inserts, versioned updates, updates of child rows by key and
 * deletes the repositories queued, sent
 * as one JDBC batch per SQL text when {@link JdbcTransactions} flushes them, before any other
 * statement on the transaction's connection and before the commit.
 *
 * <p>Rows of one SQL text form a group, sent in the order they were queued; the groups are sent in
 * the order they were opened. A row joins the open group of its SQL text only when that moves it
 * ahead of nothing it depends on: every row names the tables whose rows it must follow (a child
 * row its parent table, a versioned update its own table, so that it follows the row's insert and
 * its earlier updates), and when a group of one of them was opened after the open group, the row
 * opens a new group of its SQL text at the end instead. Statements that are not queued flush first,
 * so they keep their place.
 *
 * <p>Where the session sends statements together (PostgreSQL, see
 * {@link JdbcSession#sendsQueriesTogether()}), a flush of several groups and at most
 * {@value #MOST_SENT_TOGETHER} rows sends them all as one statement text, each row's statement in
 * turn, in one round trip instead of one per group, and the queries the commit gives it (the
 * versions of the states the transaction trusted) after them; the database runs them one after
 * another as it runs a batch, and stops at the first that fails. A flush of one group and no
 * query, or of more rows, sends the batches one by one.
 *
 * <p>On PostgreSQL a group of at least {@value PostgresCopy#FEWEST_ROWS} inserts into one of
 * Keyline's tables goes as {@code COPY ... FROM STDIN} instead of a batch, one per
 * {@value PostgresCopy#MOST_ROWS} rows (see {@link PostgresCopy}), with the same outcomes; from
 * the copy of a row that cannot go as text (a value with no text form) on, the rows go as a batch
 * after those copied.
 *
 * <p>Outcomes stay those of the statements run one by one: a row rejected by a unique or
 * primary-key constraint raises what its {@link Row#rejected} says (an
 * {@link AlreadyExistsException} naming the entity), a versioned update that changed no row a
 * {@link StaleVersionException} naming the entity and version (the update counts of the batch are
 * checked row by row), and anything else a {@link StorageException} naming the statement. A flush
 * that fails leaves the transaction to be rolled back: some rows of the batch may have been
 * written.
 */
final class PendingWrites {

    /** No version check: an insert. */
    static final long INSERT = -1;

    /** No version check, and the statement must change exactly one row: a child row updated by its key. */
    static final long ONE_ROW = -2;

    /** No check of the rows changed: a delete of the rows there are. */
    static final long ANY_ROWS = -3;

    /**
     * The most rows a flush sends in one statement text: a command's writes, not a bulk load's,
     * whose batches (one per table) are already few round trips for many rows.
     */
    static final int MOST_SENT_TOGETHER = 64;

    private final boolean together;

    private final List<Group> groups = new ArrayList<>();
    /** The group a row of each SQL text joins. */
    private final Map<String, Group> open = new HashMap<>();
    /** Per table, the position of the last group writing it. */
    private final Map<String, Integer> lastGroupOf = new HashMap<>();
    /** Every queued row, in the order queued. */
    private final List<Row> sent = new ArrayList<>();
    private int rows;

    /**
     * An empty queue.
     *
     * @param together whether a flush of several groups may send them in one statement text
     */
    PendingWrites(boolean together) {
        this.together = together;
    }

    /**
     * One queued row.
     *
     * @param params its placeholder values
     * @param entityName the business name for messages, or null for a child row
     * @param key text that names the row in a database's message (its key value), or null
     * @param expectedVersion the version a versioned update expects, or {@link #INSERT},
     *     {@link #ONE_ROW} or {@link #ANY_ROWS}
     * @param rejected what a unique or primary-key violation of the row raises, or null to report it
     *     as a {@link StorageException}
     * @param undo what to undo in memory when the flush that sends the row fails (the aggregate's
     *     {@code markSaved}), or null
     * @param otherKey another value a database's message may name the row by (the second unique
     *     key of an outbox timer's row), or null
     * @param versionQuery for a versioned update, the query of the row's version by its key (the
     *     update's next-to-last placeholder value), which tells after a failure of statements sent
     *     together whether the row was stale; null otherwise
     */
    record Row(Object[] params, String entityName, String key, long expectedVersion,
               Function<StorageException, RuntimeException> rejected, Runnable undo, String otherKey,
               String versionQuery) {

        /** A row a database's message names by one key only. */
        Row(Object[] params, String entityName, String key, long expectedVersion,
            Function<StorageException, RuntimeException> rejected, Runnable undo) {
            this(params, entityName, key, expectedVersion, rejected, undo, null, null);
        }

        /** A row that is not a versioned update. */
        Row(Object[] params, String entityName, String key, long expectedVersion,
            Function<StorageException, RuntimeException> rejected, Runnable undo, String otherKey) {
            this(params, entityName, key, expectedVersion, rejected, undo, otherKey, null);
        }

        /** Whether a database's message names this row by one of its keys, as a key or quoted. */
        boolean namedIn(String text) {
            return named(text, key) || named(text, otherKey);
        }

        /** Whether a database's message names this row by one of its keys as the rejected key ({@code =(value)}). */
        boolean namedAsKeyIn(String text) {
            return namedAsKey(text, key) || namedAsKey(text, otherKey);
        }

        private static boolean named(String text, String key) {
            return namedAsKey(text, key) || key != null && text.contains("'" + key + "'");
        }

        private static boolean namedAsKey(String text, String key) {
            return key != null && text.contains("=(" + key + ")");
        }
    }

    /** The rows of one SQL text, sent as one batch. */
    private static final class Group {
        private final String sql;
        private final String table;
        private final int position;
        private final SqlDialect dialect;
        private final List<Row> rows = new ArrayList<>();

        private Group(String sql, String table, int position, SqlDialect dialect) {
            this.sql = sql;
            this.table = table;
            this.position = position;
            this.dialect = dialect;
        }
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** Whether a flush may send several statements in one round trip. */
    boolean sendsTogether() {
        return together;
    }

    /** Reads the rows of a query sent after the writes. */
    interface ResultReader {
        /**
         * Reads the rows.
         *
         * @param rows the query's rows, closed by the caller
         * @throws SQLException when reading fails
         */
        void read(java.sql.ResultSet rows) throws SQLException;
    }

    /**
     * A query to send after the writes, in their round trip.
     *
     * @param sql the query
     * @param params its placeholder values
     * @param reader reads its rows
     */
    record Query(String sql, Object[] params, ResultReader reader) {
    }

    /**
     * Queues a row.
     *
     * @param dialect the database's dialect
     * @param sql the INSERT or versioned UPDATE
     * @param table the table it writes
     * @param after the tables whose queued rows must be written before this row; its own table's
     *     always are (an update or delete follows the inserts and updates queued before it)
     * @param row the row
     */
    void add(SqlDialect dialect, String sql, String table, List<String> after, Row row) {
        Group group = open.get(sql);
        if (group != null && writtenAfter(table, group)) {
            group = null;
        }
        if (group != null) {
            for (String dependency : after) {
                if (writtenAfter(dependency, group)) {
                    group = null;
                    break;
                }
            }
        }
        if (group == null) {
            group = new Group(sql, table, groups.size(), dialect);
            groups.add(group);
            open.put(sql, group);
            lastGroupOf.put(table, group.position);
        }
        group.rows.add(row);
        sent.add(row);
        rows++;
    }

    /** Whether a group opened after the given one writes the table. */
    private boolean writtenAfter(String table, Group group) {
        Integer last = lastGroupOf.get(table);
        return last != null && last > group.position;
    }

    /**
     * Sends every queued row and empties the queue, even when a batch fails.
     *
     * @param connection the transaction's connection
     */
    void flush(Connection connection) {
        flush(connection, List.of());
    }

    /**
     * Sends every queued row and empties the queue, even when a batch fails; where the rows go in
     * one statement text, the queries go after them in it, and their readers read their rows.
     *
     * @param connection the transaction's connection
     * @param queries queries to send after the writes when they go together
     * @return whether the queries were sent and read (always, when there are none)
     */
    boolean flush(Connection connection, List<Query> queries) {
        List<Group> sending = new ArrayList<>(groups);
        List<Row> queued = new ArrayList<>(sent);
        groups.clear();
        open.clear();
        lastGroupOf.clear();
        sent.clear();
        rows = 0;
        try {
            if (together && (sending.size() > 1 || !queries.isEmpty()) && queued.size() <= MOST_SENT_TOGETHER) {
                sendTogether(connection, sending, queued, queries);
                return true;
            }
            for (Group group : sending) {
                send(connection, group);
            }
            return queries.isEmpty();
        } catch (RuntimeException failure) {
            // the transaction rolls back: none of the rows stays written, so no save of them stands
            for (int i = queued.size() - 1; i >= 0; i--) {
                Runnable undo = queued.get(i).undo();
                if (undo != null) {
                    try {
                        undo.run();
                    } catch (RuntimeException e) {
                        failure.addSuppressed(e);
                    }
                }
            }
            throw failure;
        }
    }

    private static void send(Connection connection, Group group) {
        List<Row> rows = group.rows;
        if (group.dialect == SqlDialect.POSTGRESQL && rows.size() >= PostgresCopy.FEWEST_ROWS) {
            int copied = copied(connection, group);
            if (copied == rows.size()) {
                return;
            }
            rows = rows.subList(copied, rows.size()); // the rest as a batch, in order after the rows copied
        }
        int[] counts;
        try (PreparedStatement statement = connection.prepareStatement(group.sql)) {
            if (rows.size() == 1) {
                SqlParameters.bind(statement, rows.get(0).params());
                counts = new int[] {statement.executeUpdate()};
            } else {
                for (Row row : rows) {
                    SqlParameters.bind(statement, row.params());
                    statement.addBatch();
                }
                counts = statement.executeBatch();
            }
        } catch (SQLException e) {
            throw rejected(group.dialect, rows, operation(group, rows), e);
        }
        if (counts.length != rows.size()) {
            throw new StorageException(operation(group, rows) + " reported " + counts.length + " update counts for "
                    + rows.size() + " rows", null);
        }
        for (int i = 0; i < counts.length; i++) {
            check(group, rows.get(i), counts[i]);
        }
    }

    /**
     * Sends the group's rows as {@link PostgresCopy copies} of at most
     * {@value PostgresCopy#MOST_ROWS} rows each, in order, while its insert qualifies and every
     * value of a copy's rows has a text form; returns how many rows went, the first rows of the
     * group, which the rest follow as a batch (none when the insert does not qualify or the
     * connection is not the PostgreSQL driver's).
     */
    private static int copied(Connection connection, Group group) {
        String copy = PostgresCopy.copyOf(group.sql);
        if (copy == null) {
            return 0;
        }
        List<Row> rows = group.rows;
        StringBuilder data = new StringBuilder(Math.min(rows.size(), PostgresCopy.MOST_ROWS) * 128);
        int done = 0;
        while (done < rows.size()) {
            List<Row> part = rows.subList(done, Math.min(rows.size(), done + PostgresCopy.MOST_ROWS));
            data.setLength(0);
            for (Row row : part) {
                if (row.expectedVersion() != INSERT || !PostgresCopy.appendRow(data, row.params())) {
                    return done;
                }
            }
            String operation = JdbcSession.describe("copy of " + part.size() + " rows", copy);
            long copied;
            try {
                copied = PostgresCopy.copy(connection, copy, data);
            } catch (SQLException e) {
                throw rejected(group.dialect, part, operation, e);
            }
            if (copied == -1) {
                return done;
            }
            if (copied != part.size()) {
                throw new StorageException(operation + " reported " + copied + " rows copied for " + part.size() + " rows",
                        null);
            }
            done += part.size();
        }
        return done;
    }

    /**
     * Sends every group's rows as one statement text, a statement per row in the groups' order, then
     * the queries; checks each statement's update count as {@link #send} checks a batch's, and
     * hands each query's rows to its reader.
     */
    private static void sendTogether(Connection connection, List<Group> groups, List<Row> queued, List<Query> queries) {
        List<String> texts = new ArrayList<>(queued.size() + queries.size());
        List<Object[]> params = new ArrayList<>(queued.size() + queries.size());
        for (Group group : groups) {
            for (Row row : group.rows) {
                texts.add(group.sql);
                params.add(row.params());
            }
        }
        for (Query query : queries) {
            texts.add(query.sql());
            params.add(query.params());
        }
        Object[] values = JdbcSession.combinedParams(params);
        String sql = JdbcSession.combined(texts);
        String operation = JdbcSession.describe(texts.size() + " statements sent together", sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlParameters.bind(statement, values);
            boolean rowsReturned = statement.execute();
            for (Group group : groups) {
                for (Row row : group.rows) {
                    int count = statement.getUpdateCount();
                    if (rowsReturned || count == -1) {
                        throw new StorageException(operation + " did not report an update count for each of them", null);
                    }
                    check(group, row, count);
                    rowsReturned = statement.getMoreResults();
                }
            }
            for (Query query : queries) {
                if (!rowsReturned) {
                    throw new StorageException(operation + " returned no rows for the query " + query.sql(), null);
                }
                try (java.sql.ResultSet rows = statement.getResultSet()) {
                    query.reader().read(rows);
                }
                rowsReturned = statement.getMoreResults();
            }
        } catch (SQLException e) {
            SqlDialect dialect = groups.get(0).dialect;
            List<Row> inOrder = new ArrayList<>(queued.size());
            groups.forEach(group -> inOrder.addAll(group.rows));
            // the failed statement is one of its table's, where the database names the table
            String table = dialect.failedTable(e);
            List<Row> candidates = new ArrayList<>();
            groups.stream().filter(group -> group.table.equalsIgnoreCase(table)).forEach(group -> candidates.addAll(group.rows));
            RuntimeException failure = rejected(dialect, candidates.isEmpty() ? inOrder : candidates, operation, e);
            RuntimeException stale = staleAfter(connection, inOrder, failure);
            throw stale != null ? stale : failure;
        }
    }

    /**
     * After statements sent together failed, whether a versioned update among them met a row that
     * was no longer at its version: the database ran the statements after such an update as well,
     * and one of them may have failed because of what the update did not do (a child row inserted
     * a second time), where statements sent one by one would have stopped at the stale update.
     * The transaction, which fails either way, is rolled back first, and each updated row's version
     * read as committed.
     *
     * @return the {@link StaleVersionException} of the first stale row, or null when none was
     *     stale or their versions could not be read (then noted on {@code failure})
     */
    private static RuntimeException staleAfter(Connection connection, List<Row> sent, RuntimeException failure) {
        if (sent.stream().noneMatch(row -> row.versionQuery() != null)) {
            return null;
        }
        try {
            connection.rollback();
            for (Row row : sent) {
                if (row.versionQuery() == null) {
                    continue;
                }
                try (PreparedStatement query = connection.prepareStatement(row.versionQuery())) {
                    SqlParameters.bind(query, new Object[] {row.params()[row.params().length - 2]});
                    try (java.sql.ResultSet version = query.executeQuery()) {
                        if (!version.next() || version.getLong(1) != row.expectedVersion()) {
                            StaleVersionException stale = stale(row);
                            stale.addSuppressed(failure);
                            return stale;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return null;
    }

    private static StaleVersionException stale(Row row) {
        return new StaleVersionException(row.entityName() + " is no longer at version " + row.expectedVersion()
                + ": it was changed or removed since it was loaded");
    }

    private static void check(Group group, Row row, int count) {
        if (row.expectedVersion() == INSERT || row.expectedVersion() == ANY_ROWS) {
            return;
        }
        if (row.expectedVersion() == ONE_ROW) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw new StorageException(operation(group) + " changed " + count + " rows instead of one", null);
            }
            return;
        }
        if (count == 0) {
            throw stale(row);
        }
        if (count == Statement.SUCCESS_NO_INFO) {
            throw new StorageException(operation(group) + " did not report whether " + row.entityName()
                    + " was still at version " + row.expectedVersion() + "; the driver must report update counts", null);
        }
        if (count != 1) {
            throw new StorageException(operation(group) + " changed " + count + " rows of " + row.entityName()
                    + " instead of one", null);
        }
    }

    /**
     * What a failed batch, or failed statements sent together, raise: the rejected row's own
     * exception when it can be told, else a storage exception.
     *
     * @param rows the rows sent, in the order sent
     */
    private static RuntimeException rejected(SqlDialect dialect, List<Row> rows, String operation, SQLException failure) {
        StorageException wrapped = SqlFailures.wrap(operation, failure);
        if (!dialect.isUniqueViolation(failure)) {
            return wrapped;
        }
        Row row = failedRow(rows, failure);
        if (row != null) {
            return row.rejected() == null ? wrapped : row.rejected().apply(wrapped);
        }
        List<String> names = rows.stream().filter(r -> r.rejected() != null && r.entityName() != null)
                .map(Row::entityName).toList();
        if (names.size() < rows.size()) {
            return wrapped;
        }
        return new AlreadyExistsException("one of " + (names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more") + " already exists",
                wrapped);
    }

    /** The row a batch failed on: by the update counts when the driver reports them per row, else by its key in the message. */
    private static Row failedRow(List<Row> rows, SQLException failure) {
        if (rows.size() == 1) {
            return rows.get(0);
        }
        if (failure instanceof BatchUpdateException batch && batch.getUpdateCounts() != null) {
            int[] counts = batch.getUpdateCounts();
            if (counts.length == rows.size()) {
                Row failed = null;
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == Statement.EXECUTE_FAILED) {
                        if (failed != null) {
                            failed = null; // more than one: tell by the message
                            break;
                        }
                        failed = rows.get(i);
                    }
                }
                if (failed != null) {
                    return failed;
                }
            }
        }
        String text = SqlFailures.messages(failure);
        // PostgreSQL names the rejected key as "Key (column)=(value)", while its message about a
        // rewritten batch also quotes every row's values: the key form decides first
        Row byDetail = onlyRow(rows, row -> row.namedAsKeyIn(text));
        return byDetail != null ? byDetail : onlyRow(rows, row -> row.namedIn(text));
    }

    /** The one row that matches, or null when none or several do. */
    private static Row onlyRow(List<Row> rows, java.util.function.Predicate<Row> matches) {
        Row found = null;
        for (Row row : rows) {
            if (matches.test(row)) {
                if (found != null) {
                    return null;
                }
                found = row;
            }
        }
        return found;
    }

    private static String operation(Group group) {
        return operation(group, group.rows);
    }

    private static String operation(Group group, List<Row> rows) {
        return JdbcSession.describe(rows.size() == 1 ? "statement" : "batch of " + rows.size(), group.sql);
    }
}
