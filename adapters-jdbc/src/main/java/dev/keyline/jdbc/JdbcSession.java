package dev.keyline.jdbc;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.spi.StorageException;
import dev.keyline.spi.TransactionalWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Plain JDBC for the provider's repositories: statements on the connection of the current
 * {@link JdbcTransactions} transaction, with parameters bound one way everywhere and every
 * {@link SQLException} wrapped in a {@link StorageException} that carries its SQL state and names
 * the statement.
 *
 * <p>Every method runs on the transaction active on the calling thread and fails with
 * {@link InvalidStateException} when there is none, as the storage ports require: the caller
 * (the runtime, or a test) opens the transaction with {@link JdbcTransactions#execute}. A
 * statement that fails marks that transaction rollback-only (as PostgreSQL itself does after an
 * error), so a caller that catches the exception cannot commit half of its work.
 *
 * <p>Parameters (the {@code params} of every method, and {@link Columns} values) are bound by type:
 * <ul>
 *   <li>{@code null} and an empty {@code Optional}: SQL NULL; a present {@code Optional}: its value;</li>
 *   <li>{@code String}, {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code Double},
 *       {@code Float}, {@code Boolean}, {@code byte[]}, {@code UUID}: as themselves;</li>
 *   <li>{@code BigDecimal} (and {@code BigInteger}): exact, for NUMERIC/DECIMAL columns;</li>
 *   <li>{@code Instant}: a {@code TIMESTAMP WITH TIME ZONE} in UTC, truncated to whole
 *       microseconds (the precision both databases store); {@code OffsetDateTime} likewise;</li>
 *   <li>{@code LocalDate}: a DATE; {@code LocalDateTime}, {@code LocalTime}: as themselves;</li>
 *   <li>{@code YearMonth}: the text {@code 2025-03}, for a {@code CHAR(7)} column;</li>
 *   <li>an enum: its constant name, for a VARCHAR column;</li>
 *   <li>an {@code Identifier}: its {@code value()} text; an {@code EventId}: its UUID;</li>
 *   <li>a {@code Currency}: its ISO code, for a {@code CHAR(3)} column. {@code Money} takes two
 *       columns (bind {@code amount()} and {@code currency()}; read with {@link Row#money}).</li>
 *   <li>a {@code java.sql.Array} made on the transaction's connection: as itself.</li>
 * </ul>
 * Anything else is rejected with an {@code InvalidArgumentException} naming the parameter.
 * {@link Row} reads every one of these forms back.
 */
public final class JdbcSession {

    /** What makes a read's transaction on PostgreSQL read from one snapshot, as its first statement. */
    static final String ONE_SNAPSHOT_POSTGRESQL = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    /** Rows fetched per round trip by {@link #stream}. */
    static final int STREAM_FETCH_SIZE = 500;

    /** How many generated statements' texts a session keeps (see {@link #statement}). */
    static final int STATEMENTS_KEPT = 1_000;

    /**
     * How many rows' worth of saved aggregates each repository keeps by default, see
     * {@link #cachedAggregateRows()}.
     */
    public static final long DEFAULT_CACHED_AGGREGATE_ROWS = 10_000;

    private final JdbcTransactions transactions;
    private final SqlDialect dialect;
    private final long cachedAggregateRows;
    private final boolean trustKeptStates;
    private final boolean combineQueries;
    /** The column labels of the queries' results, so that rows are read by position. */
    private final ColumnLabels.Cache columnLabels = new ColumnLabels.Cache();
    /** The generated INSERTs and versioned UPDATEs by shape; as many as a schema's tables have column sets. */
    private final java.util.concurrent.ConcurrentHashMap<StatementShape, String> statements =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A session on the given transactions, whose repositories keep the default
     * {@value #DEFAULT_CACHED_AGGREGATE_ROWS} rows of saved aggregates each.
     *
     * @param transactions whose connections the statements use
     * @param dialect the database's dialect
     */
    public JdbcSession(JdbcTransactions transactions, SqlDialect dialect) {
        this(transactions, dialect, DEFAULT_CACHED_AGGREGATE_ROWS);
    }

    /**
     * A session on the given transactions.
     *
     * @param transactions whose connections the statements use
     * @param dialect the database's dialect
     * @param cachedAggregateRows how many rows' worth of saved aggregates each repository keeps
     *     (see {@link #cachedAggregateRows()}); 0 keeps none
     */
    public JdbcSession(JdbcTransactions transactions, SqlDialect dialect, long cachedAggregateRows) {
        this(transactions, dialect, cachedAggregateRows, true);
    }

    /**
     * A session on the given transactions.
     *
     * @param transactions whose connections the statements use
     * @param dialect the database's dialect
     * @param cachedAggregateRows how many rows' worth of saved aggregates each repository keeps
     *     (see {@link #cachedAggregateRows()}); 0 keeps none
     * @param trustKeptStates whether a transaction's loads trust the kept states without reading
     *     the parent row (see {@link #trustsKeptStates()})
     */
    public JdbcSession(JdbcTransactions transactions, SqlDialect dialect, long cachedAggregateRows,
            boolean trustKeptStates) {
        this(transactions, dialect, cachedAggregateRows, trustKeptStates, true);
    }

    /**
     * A session on the given transactions.
     *
     * @param transactions whose connections the statements use
     * @param dialect the database's dialect
     * @param cachedAggregateRows how many rows' worth of saved aggregates each repository keeps
     *     (see {@link #cachedAggregateRows()}); 0 keeps none
     * @param trustKeptStates whether a transaction's loads trust the kept states without reading
     *     the parent row (see {@link #trustsKeptStates()})
     * @param combineQueries whether several statements may go in one round trip where the dialect
     *     allows it, a find's queries or a transaction's queued writes (see
     *     {@link #sendsQueriesTogether()}); false for a PostgreSQL-compatible database that does not
     *     take several statements in one statement text
     */
    public JdbcSession(JdbcTransactions transactions, SqlDialect dialect, long cachedAggregateRows,
            boolean trustKeptStates, boolean combineQueries) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.dialect = Require.nonNull(dialect, "dialect");
        this.cachedAggregateRows = Require.nonNegative(cachedAggregateRows, "cachedAggregateRows");
        this.trustKeptStates = trustKeptStates;
        this.combineQueries = combineQueries && dialect == SqlDialect.POSTGRESQL;
    }

    /**
     * Whether a load inside a transaction ({@code Transactions.execute}) restores a kept state
     * (see {@link #cachedAggregateRows()}) without reading the aggregate's parent row, on trust,
     * leaving the check to later: the save's versioned update checks the version it was loaded
     * at, the commit checks the loads no save checked, and a failed transaction checks them all
     * (see {@link JdbcTransactions}). An outdated state then fails the transaction with
     * {@link dev.keyline.spi.KeptStateOutdatedException}, which the runtime runs again on the
     * stored state. When false, or in a read ({@code Transactions.read}), every load reads the
     * parent row and trusts a kept state only at the version read.
     *
     * @return true unless turned off
     */
    public boolean trustsKeptStates() {
        return trustKeptStates;
    }

    /**
     * The bound of each repository's cache of committed aggregates, in rows: an aggregate weighs
     * one row plus the entries of its owned collections. A repository over a parent table and
     * child tables ({@link JdbcParentChildRepository}) keeps the aggregates its transactions saved
     * and committed, by version, and a later load whose parent row shows the same version restores
     * the kept state instead of reading the child tables again. 0 turns the cache off.
     *
     * @return the bound in rows, 0 when nothing is kept
     */
    public long cachedAggregateRows() {
        return cachedAggregateRows;
    }

    /**
     * The transactions the session's statements join.
     *
     * @return the transactions
     */
    public JdbcTransactions transactions() {
        return transactions;
    }

    /**
     * The dialect of the database.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Runs a query and maps every row.
     *
     * @param sql the query with {@code ?} placeholders
     * @param mapper maps one row
     * @param params the placeholder values, bound as described on the type
     * @param <T> the mapped type
     * @return the mapped rows in result order
     */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(mapper, "mapper");
        Require.nonNull(params, "params");
        return onTransaction("query", () -> {
            List<JdbcTransactions.VersionCheck> checks = combineQueries ? transactions.trustedToCheck() : List.of();
            if (!checks.isEmpty()) {
                return queryAfterChecks(sql, mapper, params, checks);
            }
            try (PreparedStatement statement = transactions.currentConnection().prepareStatement(sql)) {
                SqlParameters.bind(statement, params);
                try (ResultSet rs = statement.executeQuery()) {
                    return mapAll(new Row(rs, sql, columnLabels), mapper);
                }
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("query", sql), e);
            }
        });
    }

    /**
     * Runs a query in one round trip with the version checks of the states the transaction
     * trusted and no save or check has checked yet, the checks first, so that its commit need not
     * read them on their own; fails with {@link dev.keyline.spi.KeptStateOutdatedException} when
     * one was outdated.
     */
    private <T> List<T> queryAfterChecks(String sql, RowMapper<T> mapper, Object[] params,
            List<JdbcTransactions.VersionCheck> checks) {
        List<String> texts = new ArrayList<>(checks.size() + 1);
        List<Object[]> values = new ArrayList<>(checks.size() + 1);
        for (JdbcTransactions.VersionCheck check : checks) {
            texts.add(check.query().sql());
            values.add(check.query().params());
        }
        texts.add(sql);
        values.add(params);
        String combined = combined(texts);
        List<T> found;
        try (PreparedStatement statement = transactions.currentConnection().prepareStatement(combined)) {
            SqlParameters.bind(statement, combinedParams(values));
            boolean rows = statement.execute();
            for (JdbcTransactions.VersionCheck check : checks) {
                requireRows(rows, combined, check.query().sql());
                try (ResultSet rs = statement.getResultSet()) {
                    check.query().reader().read(rs);
                }
                rows = statement.getMoreResults();
            }
            requireRows(rows, combined, sql);
            try (ResultSet rs = statement.getResultSet()) {
                found = mapAll(new Row(rs, sql, columnLabels), mapper);
            }
        } catch (SQLException e) {
            throw SqlFailures.wrap(describe("query", combined), e);
        }
        transactions.requireCurrent(checks);
        return found;
    }

    private static void requireRows(boolean rows, String combined, String query) {
        if (!rows) {
            throw new StorageException(describe("query", combined) + " returned no rows for " + query, null);
        }
    }

    /** How many generated statements' texts the session keeps now, for tests of their bound. */
    int keptStatements() {
        return statements.size();
    }

    /** How many queries' column labels the session keeps now, for tests of their bound. */
    int keptColumnLabels() {
        return columnLabels.size();
    }

    /** Every row of a result, mapped, in result order. */
    private static <T> List<T> mapAll(Row row, RowMapper<T> mapper) throws SQLException {
        List<T> result = new ArrayList<>();
        while (row.next()) {
            result.add(mapper.map(row));
        }
        return result;
    }

    /**
     * Whether {@link #queries} sends its queries in one round trip, and a transaction's flush its
     * queued writes of several statements (see {@link PendingWrites}): on PostgreSQL, whose driver
     * sends the statements of one statement text together and receives their results together,
     * unless the session was made not to; never on H2, which runs one statement per statement text.
     *
     * @return true on PostgreSQL unless turned off
     */
    boolean sendsQueriesTogether() {
        return combineQueries;
    }

    /**
     * Whether the work active on the calling thread is a read whose statements all see one snapshot
     * of the database: on PostgreSQL, a read from its first {@link #stream} on, which starts its
     * transaction at {@code REPEATABLE READ}. Never inside {@link JdbcTransactions#execute}, whose
     * transactions run at {@code READ COMMITTED}, nor on H2, whose reads run in auto-commit.
     *
     * @return true only inside such a read
     */
    boolean readsOneSnapshot() {
        return transactions.readsOneSnapshot();
    }

    /**
     * Runs several queries as one statement, in one round trip, and hands their results to
     * {@code work} in order; only where {@link #sendsQueriesTogether()}. The database runs them one
     * after another, each as a statement of its own would run (under READ COMMITTED each sees what
     * was committed before it began), so a reader of their results keeps every check it makes of
     * separate statements' results.
     *
     * @param combined the queries' texts joined with {@code ;}, as {@link #combined} joins them
     * @param queries the queries' texts, in order, by which {@link QueryResults#nextIs} recognises them
     * @param params the placeholder values of all the queries, in order
     * @param work reads the results; the statement is closed when it returns, whatever it left unread
     * @param <T> what {@code work} returns
     * @return what {@code work} returns
     */
    <T> T queries(String combined, List<String> queries, Object[] params, java.util.function.Function<QueryResults, T> work) {
        if (!combineQueries) {
            throw new IllegalStateException("this session runs one query per statement");
        }
        return onTransaction("query", () -> {
            try (PreparedStatement statement = transactions.currentConnection().prepareStatement(combined)) {
                SqlParameters.bind(statement, params);
                statement.execute();
                return work.apply(new QueryResults(statement, queries, columnLabels));
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("query", combined), e);
            }
        });
    }

    /**
     * The text of several queries as one statement for {@link #queries}.
     *
     * @param queries the queries' texts, none ending in {@code ;}
     * @return them joined
     */
    static String combined(List<String> queries) {
        return String.join(";\n", queries);
    }

    /**
     * The placeholder values of several statements as one statement text's, in order.
     *
     * @param params each statement's values
     * @return them in one array
     */
    static Object[] combinedParams(List<Object[]> params) {
        Object[] values = new Object[params.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (Object[] p : params) {
            System.arraycopy(p, 0, values, at, p.length);
            at += p.length;
        }
        return values;
    }

    /**
     * The results of the queries {@link #queries} ran together, taken one after another in the
     * queries' order.
     */
    static final class QueryResults {
        private final PreparedStatement statement;
        private final List<String> queries;
        private final ColumnLabels.Cache labels;
        private int next;

        private QueryResults(PreparedStatement statement, List<String> queries, ColumnLabels.Cache labels) {
            this.statement = statement;
            this.queries = queries;
            this.labels = labels;
        }

        /**
         * Whether the next result not taken yet is the one of this query.
         *
         * @param sql the query's text, the same instance as given to {@link #queries}
         * @return true when it is
         */
        boolean nextIs(String sql) {
            return next < queries.size() && queries.get(next) == sql;
        }

        /**
         * Maps every row of the next result and moves to the one after it.
         *
         * @param mapper maps one row
         * @param <T> the mapped type
         * @return the mapped rows in result order
         * @throws IllegalStateException when every result was taken
         */
        <T> List<T> take(RowMapper<T> mapper) {
            if (next == queries.size()) {
                throw new IllegalStateException("all " + queries.size() + " results were taken");
            }
            String sql = queries.get(next);
            try {
                ResultSet rs = statement.getResultSet();
                if (rs == null) {
                    throw new StorageException(describe("query", sql) + " returned no result", null);
                }
                List<T> result = mapAll(new Row(rs, sql, labels), mapper);
                next++;
                statement.getMoreResults(); // closes this result
                return result;
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("query", sql), e);
            }
        }
    }

    /**
     * Runs a query that yields at most one row.
     *
     * @param sql the query with {@code ?} placeholders
     * @param mapper maps the row
     * @param params the placeholder values
     * @param <T> the mapped type
     * @return the mapped row, or empty when there is none
     * @throws StorageException when the query yields more than one row
     */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(mapper, "mapper");
        Require.nonNull(params, "params");
        return onTransaction("query", () -> {
            try (PreparedStatement statement = transactions.currentConnection().prepareStatement(sql)) {
                SqlParameters.bind(statement, params);
                statement.setMaxRows(2);
                try (ResultSet rs = statement.executeQuery()) {
                    Row row = new Row(rs, sql, columnLabels);
                    if (!row.next()) {
                        return Optional.<T>empty();
                    }
                    T value = mapper.map(row);
                    if (row.next()) {
                        throw new StorageException(describe("query", sql) + " returned more than one row", null);
                    }
                    return Optional.ofNullable(value);
                }
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("query", sql), e);
            }
        });
    }

    /**
     * Streams the rows of a large query, reading them in batches as the stream is consumed. Needs
     * an active transaction; close the stream (try-with-resources) to release the statement
     * early. It is closed at the latest when the transaction ends. On PostgreSQL, whose driver
     * fetches in portions only inside a database transaction, a stream in a read
     * ({@link JdbcTransactions#read}) that has none yet starts one with
     * {@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY}: the rest of the read
     * sees one snapshot.
     *
     * @param sql the query with {@code ?} placeholders
     * @param mapper maps one row
     * @param params the placeholder values
     * @param <T> the mapped type
     * @return a sequential stream of the mapped rows; closing it closes the result set and statement
     * @throws InvalidStateException when no transaction is active on the calling thread (as for every method)
     */
    public <T> Stream<T> stream(String sql, RowMapper<T> mapper, Object... params) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(mapper, "mapper");
        Require.nonNull(params, "params");
        return onTransaction("stream", () -> openStream(sql, mapper, params));
    }

    private <T> Stream<T> openStream(String sql, RowMapper<T> mapper, Object[] params) {
        if (dialect == SqlDialect.POSTGRESQL) {
            // the driver fetches in portions only inside a transaction; a read's stream starts one that
            // reads from one snapshot, so that its later statements need not prove that the rows they
            // read belong with the rows read before (see JdbcParentChildRepository)
            transactions.requireDatabaseTransaction(ONE_SNAPSHOT_POSTGRESQL);
        }
        Connection connection = transactions.currentConnection();
        PreparedStatement statement = null;
        ResultSet rs;
        try {
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            SqlParameters.bind(statement, params);
            rs = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof SQLException s ? SqlFailures.wrap(describe("query", sql), s)
                    : (RuntimeException) e;
            closeAfterFailure(statement, failure);
            throw failure;
        }
        PreparedStatement opened = statement;
        Row row = new Row(rs, sql, columnLabels);
        Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    if (!row.next()) {
                        return false;
                    }
                    action.accept(mapper.map(row));
                    return true;
                } catch (SQLException e) {
                    throw SqlFailures.wrap(describe("reading the rows of", sql), e);
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(() -> {
            try (opened; rs) {
                // closes the result set, then the statement
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("closing", sql), e);
            }
        });
    }

    /**
     * Runs an INSERT, UPDATE or DELETE.
     *
     * @param sql the statement with {@code ?} placeholders
     * @param params the placeholder values
     * @return the number of rows changed
     */
    public int update(String sql, Object... params) {
        return update(true, sql, params);
    }

    /**
     * {@link #update} ahead of the writes queued in the transaction: for a statement that touches
     * none of the queued rows, so that they stay queued and go in their batches later.
     *
     * @param sql the statement with {@code ?} placeholders
     * @param params the placeholder values
     * @return the number of rows changed
     */
    int updateAheadOfQueuedWrites(String sql, Object... params) {
        return update(false, sql, params);
    }

    /** Runs one INSERT, UPDATE or DELETE; after sending the queued writes when {@code afterQueued}. */
    private int update(boolean afterQueued, String sql, Object... params) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(params, "params");
        return onTransaction("statement", () -> {
            Connection connection = afterQueued ? transactions.currentConnection()
                    : transactions.connectionAheadOfQueuedWrites();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                SqlParameters.bind(statement, params);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("statement", sql), e);
            }
        });
    }

    /**
     * Runs one statement for many parameter rows as a JDBC batch.
     *
     * @param sql the statement with {@code ?} placeholders
     * @param rows one array of placeholder values per execution
     * @return the driver's update count per row (a driver may report
     *     {@link java.sql.Statement#SUCCESS_NO_INFO})
     */
    public int[] batch(String sql, List<Object[]> rows) {
        Require.nonBlank(sql, "sql");
        List<Object[]> copy = Require.nonNullElements(rows, "rows");
        if (copy.isEmpty()) {
            return new int[0];
        }
        return onTransaction("statement", () -> {
            try (PreparedStatement statement = transactions.currentConnection().prepareStatement(sql)) {
                for (Object[] row : copy) {
                    SqlParameters.bind(statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch();
            } catch (SQLException e) {
                throw SqlFailures.wrap(describe("batch", sql), e);
            }
        });
    }

    /**
     * Inserts one row, reporting a taken key as {@link AlreadyExistsException}.
     *
     * @param entityName the business name for messages, for example {@code "key account KA-1"}
     * @param table the table, a plain SQL identifier
     * @param values the columns to insert; at least one
     * @throws AlreadyExistsException when a unique or primary-key constraint rejects the row
     */
    public void insert(String entityName, String table, Columns values) {
        Require.nonBlank(entityName, "entityName");
        Columns.checkIdentifier(table, "table");
        Require.nonNull(values, "values");
        Require.that(!values.isEmpty(), "values", "must name at least one column");
        insertStatement(entityName, insertSql(table, values), values.values().toArray());
    }

    /**
     * Runs an INSERT written by the caller, reporting a taken key as {@link AlreadyExistsException}.
     *
     * @param entityName the business name for messages, for example {@code "key account KA-1"}
     * @param sql the INSERT with {@code ?} placeholders
     * @param params the placeholder values
     * @return the number of rows inserted
     * @throws AlreadyExistsException when a unique or primary-key constraint rejects the row
     */
    public int insertStatement(String entityName, String sql, Object... params) {
        Require.nonBlank(entityName, "entityName");
        Require.nonBlank(sql, "sql");
        Require.nonNull(params, "params");
        return onTransaction("statement", () -> {
            try (PreparedStatement statement = transactions.currentConnection().prepareStatement(sql)) {
                SqlParameters.bind(statement, params);
                return statement.executeUpdate();
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw new AlreadyExistsException(entityName + " already exists", SqlFailures.wrap(describe("insert", sql), e));
                }
                throw SqlFailures.wrap(describe("insert", sql), e);
            }
        });
    }

    /**
     * Runs an INSERT that a unique or primary-key constraint may reject, and reports the rejection
     * instead of throwing, with the transaction still usable: for an insert that leaves the
     * duplicate check to the database's index instead of looking the keys up first. The statement
     * is all or nothing. Only for H2, which undoes a failed statement on its own; a failed
     * statement ends a PostgreSQL transaction, so there write {@code INSERT ... ON CONFLICT DO
     * NOTHING RETURNING ...} with {@link #query} instead.
     *
     * @param sql the INSERT with {@code ?} placeholders
     * @param params the placeholder values
     * @return true when the rows were inserted, false when a unique or primary-key constraint
     *     rejected the statement (nothing of it was written then)
     * @throws InvalidStateException on PostgreSQL
     */
    public boolean insertUnlessTaken(String sql, Object... params) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(params, "params");
        if (dialect != SqlDialect.H2) {
            throw new InvalidStateException("insertUnlessTaken needs a database that undoes a failed statement alone (H2); "
                    + "on " + dialect.productName() + " use INSERT ... ON CONFLICT DO NOTHING RETURNING");
        }
        return onTransaction("statement", () -> {
            try (PreparedStatement statement = transactions.currentConnection().prepareStatement(sql)) {
                SqlParameters.bind(statement, params);
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    return false;
                }
                throw SqlFailures.wrap(describe("insert", sql), e);
            }
        });
    }

    /**
     * The optimistic update every versioned table uses:
     * {@code UPDATE table SET c1 = ?, ..., version = version + 1 WHERE idColumn = ? AND version = ?}.
     * The table must have a BIGINT column named {@code version}.
     *
     * @param entityName the business name for messages, for example {@code "key account KA-1"}
     * @param table the table, a plain SQL identifier
     * @param idColumn the key column, a plain SQL identifier
     * @param id the key value, bound like any parameter
     * @param expectedVersion the version the entity was loaded at
     * @param values the columns to change (may be empty to bump only the version)
     * @return the new version, {@code expectedVersion + 1}
     * @throws StaleVersionException naming the entity and the expected version when no row has
     *     that id at that version; nothing is written then
     */
    public long updateVersioned(String entityName, String table, String idColumn, Object id, long expectedVersion,
                                Columns values) {
        VersionedUpdate update = versionedUpdate(entityName, table, idColumn, id, expectedVersion, values);
        return updateVersioned(entityName, expectedVersion, update.sql(), update.params());
    }

    /** The SQL and parameters of a versioned update: the changed values, then the id and the expected version. */
    private record VersionedUpdate(String sql, Object[] params) {
    }

    /** Checks a versioned update's arguments and builds its statement (see {@link #updateVersioned(String, String, String, Object, long, Columns)}). */
    private VersionedUpdate versionedUpdate(String entityName, String table, String idColumn, Object id,
            long expectedVersion, Columns values) {
        Require.nonBlank(entityName, "entityName");
        Columns.checkIdentifier(table, "table");
        Columns.checkIdentifier(idColumn, "idColumn");
        Require.nonNull(id, "id");
        Require.nonNegative(expectedVersion, "expectedVersion");
        Require.nonNull(values, "values");
        List<Object> params = new ArrayList<>(values.values().size() + 2);
        params.addAll(values.values());
        params.add(id);
        params.add(expectedVersion);
        return new VersionedUpdate(updateSql(table, idColumn, values.names()), params.toArray());
    }

    /** The query of a row's version by its key. */
    private String versionQuery(String table, String idColumn) {
        // the shape of an update of the version column alone, which no update has (the version is incremented)
        return statement(new StatementShape(table, idColumn, List.of("version")), shape -> "SELECT version FROM " + table
                + " WHERE " + idColumn + " = ?");
    }

    /** The versioned UPDATE of these columns of the table. */
    private String updateSql(String table, String idColumn, List<String> columns) {
        return statement(new StatementShape(table, idColumn, columns), shape -> {
            StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
            for (String column : shape.columns()) {
                Require.that(!column.equalsIgnoreCase("version"), "values",
                        "must not set the version column; it is incremented");
                sql.append(column).append(" = ?, ");
            }
            return sql.append("version = version + 1 WHERE ").append(idColumn).append(" = ? AND version = ?").toString();
        });
    }

    /** The INSERT of {@link #insert(String, String, Columns)} for these columns of the table. */
    private String insertSql(String table, Columns values) {
        return statement(new StatementShape(table, null, values.names()), shape -> "INSERT INTO " + table
                + " (" + String.join(", ", shape.columns()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(shape.columns().size(), "?")) + ")");
    }

    /**
     * The text of the statement of a shape, built once and kept: a save then neither builds the
     * text again nor makes the driver, the pool and the write-behind hash a new string of it. A
     * shape that does not build (a column the statement refuses) is not kept. The shape looked up
     * may name the caller's columns as they are; the shape kept has a copy of them. At most
     * {@link #STATEMENTS_KEPT} texts are kept: a session that meets more shapes than that (its
     * repositories write a handful each) forgets them all and builds them again as they come,
     * which costs a string each, while a lookup stays one hash-map read with nothing to record.
     */
    private String statement(StatementShape shape, java.util.function.Function<StatementShape, String> build) {
        String kept = statements.get(shape);
        if (kept != null) {
            return kept;
        }
        StatementShape owned = new StatementShape(shape.table(), shape.idColumn(), List.copyOf(shape.columns()));
        String sql = build.apply(owned);
        if (statements.size() >= STATEMENTS_KEPT) {
            statements.clear();
        }
        statements.put(owned, sql);
        return sql;
    }

    /**
     * What a generated statement is made of: the table, the key column of a versioned update
     * (null for an insert) and the columns written, in order.
     */
    private record StatementShape(String table, String idColumn, List<String> columns) {

        // written out: a record's own equality goes through method handles, on every save's lookup

        @Override
        public boolean equals(Object other) {
            return other instanceof StatementShape shape && table.equals(shape.table)
                    && java.util.Objects.equals(idColumn, shape.idColumn) && columns.equals(shape.columns);
        }

        @Override
        public int hashCode() {
            return (table.hashCode() * 31 + java.util.Objects.hashCode(idColumn)) * 31 + columns.hashCode();
        }
    }

    /**
     * Runs a versioned UPDATE written by the caller, which must set {@code version = version + 1}
     * and match on the id and on {@code version = expectedVersion}, and expects exactly one row.
     *
     * @param entityName the business name for messages, for example {@code "key account KA-1"}
     * @param expectedVersion the version the entity was loaded at
     * @param sql the UPDATE with {@code ?} placeholders
     * @param params the placeholder values
     * @return the new version, {@code expectedVersion + 1}
     * @throws StaleVersionException naming the entity and the expected version when no row changed
     * @throws StorageException when more than one row changed (the statement matches too much)
     */
    public long updateVersioned(String entityName, long expectedVersion, String sql, Object... params) {
        Require.nonBlank(entityName, "entityName");
        Require.nonNegative(expectedVersion, "expectedVersion");
        int changed = update(sql, params);
        if (changed == 0) {
            throw new StaleVersionException(entityName + " is no longer at version " + expectedVersion
                    + ": it was changed or removed since it was loaded");
        }
        if (changed > 1) {
            throw new StorageException(describe("versioned update", sql) + " changed " + changed + " rows of "
                    + entityName + " instead of one", null);
        }
        return expectedVersion + 1;
    }

    /**
     * A SQL array of text on the current transaction's connection, for a statement that casts it to
     * the array type it needs (for example {@code ?::uuid[]}).
     *
     * @param values the elements, nulls allowed
     * @return the array, valid while the transaction lasts
     */
    java.sql.Array textArray(String[] values) {
        return onTransaction("array", () -> {
            try {
                return transactions.currentConnection().createArrayOf("text", values);
            } catch (SQLException e) {
                throw SqlFailures.wrap("making a text array of " + values.length + " elements", e);
            }
        });
    }

    /**
     * Queues the insert of an entity's row in the active transaction's write-behind: it is sent with
     * the other rows of the same statement as one batch before the next statement on the
     * connection, or before the commit (see {@link JdbcTransactions}). A taken key raises
     * {@link AlreadyExistsException} naming the entity then.
     *
     * @param entityName the business name for messages, for example {@code "key account KA-1"}
     * @param key the row's key value as text, which a database's message may quote
     * @param table the table, a plain SQL identifier
     * @param values the columns to insert; at least one
     * @param undo what to undo when the flush that sends the row fails, or null
     */
    void queueInsert(String entityName, String key, String table, Columns values, Runnable undo) {
        Require.nonBlank(entityName, "entityName");
        Columns.checkIdentifier(table, "table");
        Require.nonNull(values, "values");
        Require.that(!values.isEmpty(), "values", "must name at least one column");
        requireTransaction("statement");
        transactions.queue(dialect, combineQueries, insertSql(table, values), table, List.of(), new PendingWrites.Row(values.values().toArray(),
                entityName, key, PendingWrites.INSERT, e -> new AlreadyExistsException(entityName + " already exists", e), undo));
    }

    /**
     * Queues rows of an INSERT in the active transaction's write-behind, after every queued row of
     * the tables named in {@code after}; a failure of one of them raises a {@link StorageException}
     * naming the statement, or what {@code rejected} makes of a unique or primary-key violation.
     *
     * @param sql the INSERT with {@code ?} placeholders
     * @param table the table it writes
     * @param after the tables whose queued rows must be written first (a child row's parent table)
     * @param rows one array of placeholder values per row
     * @param keys per row, its key value as text that a database's message may quote, or null
     * @param rejected per row's key, what a unique or primary-key violation raises; null to report it
     *     as a {@link StorageException}
     */
    void queueInserts(String sql, String table, List<String> after, List<Object[]> rows, List<String> keys,
            java.util.function.Function<String, java.util.function.Function<StorageException, RuntimeException>> rejected) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(after, "after");
        List<Object[]> copy = Require.nonNullElements(rows, "rows");
        requireTransaction("statement");
        for (int i = 0; i < copy.size(); i++) {
            String key = keys == null ? null : keys.get(i);
            transactions.queue(dialect, combineQueries, sql, table, after, new PendingWrites.Row(copy.get(i), null, key,
                    PendingWrites.INSERT, rejected == null ? null : rejected.apply(key), null));
        }
    }

    /**
     * Queues updates of child rows by their key in the active transaction's write-behind, after
     * every queued row of the tables named in {@code after} and of {@code table}: each must change
     * exactly one row, or the flush that sends it raises a {@link StorageException} naming the
     * statement.
     *
     * @param sql the UPDATE with {@code ?} placeholders, whose WHERE names one row
     * @param table the table it writes
     * @param after the tables whose queued rows must be written first (the parent table)
     * @param rows one array of placeholder values per row
     */
    void queueUpdates(String sql, String table, List<String> after, List<Object[]> rows) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(after, "after");
        List<Object[]> copy = Require.nonNullElements(rows, "rows");
        requireTransaction("statement");
        for (Object[] row : copy) {
            transactions.queue(dialect, combineQueries, sql, table, after, new PendingWrites.Row(row, null, null,
                    PendingWrites.ONE_ROW, null, null));
        }
    }

    /**
     * Queues a DELETE in the active transaction's write-behind, after every queued row of the
     * tables named in {@code after} and of {@code table}; however many rows it deletes.
     *
     * @param sql the DELETE with {@code ?} placeholders
     * @param table the table it deletes from
     * @param after the tables whose queued rows must be written first (the parent table)
     * @param params the placeholder values
     */
    void queueDelete(String sql, String table, List<String> after, Object... params) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(after, "after");
        Require.nonNull(params, "params");
        requireTransaction("statement");
        transactions.queue(dialect, combineQueries, sql, table, after, new PendingWrites.Row(params.clone(), null, null,
                PendingWrites.ANY_ROWS, null, null));
    }

    /**
     * Queues one row of an INSERT in the active transaction's write-behind, like
     * {@link #queueInserts}, for a row a database's message may name by either of two unique keys.
     *
     * @param sql the INSERT with {@code ?} placeholders
     * @param table the table it writes
     * @param row the placeholder values
     * @param key the row's key value as text, which a database's message may quote
     * @param otherKey the row's other unique value as text, which a message may quote instead
     * @param rejected what a unique or primary-key violation of the row raises
     */
    void queueInsert(String sql, String table, Object[] row, String key, String otherKey,
            java.util.function.Function<StorageException, RuntimeException> rejected) {
        Require.nonBlank(sql, "sql");
        Require.nonNull(row, "row");
        requireTransaction("statement");
        transactions.queue(dialect, combineQueries, sql, table, List.of(), new PendingWrites.Row(row.clone(), null, key, PendingWrites.INSERT,
                rejected, null, otherKey));
    }

    /**
     * Queues the optimistic update of {@link #updateVersioned(String, String, String, Object, long, Columns)}
     * in the active transaction's write-behind: it is sent with the other updates of the same
     * statement as one batch before the next statement on the connection, or before the commit,
     * and an update count of zero then raises {@link StaleVersionException} naming the entity and
     * version.
     *
     * @param entityName the business name for messages
     * @param table the table, a plain SQL identifier
     * @param idColumn the key column, a plain SQL identifier
     * @param id the key value
     * @param expectedVersion the version the entity was loaded at
     * @param values the columns to change (may be empty to bump only the version)
     * @param undo what to undo when the flush that sends the row fails, or null
     * @return the new version, {@code expectedVersion + 1}, once the update is sent
     */
    long queueUpdateVersioned(String entityName, String table, String idColumn, Object id, long expectedVersion,
            Columns values, Runnable undo) {
        VersionedUpdate update = versionedUpdate(entityName, table, idColumn, id, expectedVersion, values);
        requireTransaction("statement");
        transactions.queue(dialect, combineQueries, update.sql(), table, List.of(table), new PendingWrites.Row(update.params(),
                entityName, null, expectedVersion, null, undo, null, versionQuery(table, idColumn)));
        return expectedVersion + 1;
    }

    /** Fails unless a transaction is active; then runs {@code work} joined to it, so a failure marks it rollback-only. */
    private <T> T onTransaction(String operation, TransactionalWork<T> work) {
        requireTransaction(operation);
        if (operation.equals("statement")) {
            transactions.requireWritable();
        }
        return transactions.execute(work);
    }

    private void requireTransaction(String operation) {
        if (!transactions.isActive()) {
            throw new InvalidStateException("a JDBC " + operation + " needs an active transaction; run it inside "
                    + "Transactions.execute of the same provider");
        }
    }

    private static void closeAfterFailure(PreparedStatement statement, RuntimeException failure) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static String describe(String operation, String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return operation + " [" + (oneLine.length() > 300 ? oneLine.substring(0, 300) + " ..." : oneLine) + "]";
    }
}
