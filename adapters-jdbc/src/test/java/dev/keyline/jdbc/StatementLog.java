package dev.keyline.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A data source that logs every statement its connections execute, while logging is on: a plain
 * {@link java.lang.reflect.Proxy} around a real data source, its connections and statements, so
 * a test can count what a save sends to a real database. A PostgreSQL copy
 * ({@code CopyManager.copyIn}, which the provider reaches by unwrapping the connection to the
 * driver's) is logged as a statement of its own round trip, its {@code COPY} text with its rows.
 */
final class StatementLog {

    /**
     * One executed statement. A statement text of several statements sent together (joined by
     * {@code ;} and a line break, as {@link JdbcSession#combined} joins them) is logged as its
     * statements, each with the round trip they share; consecutive ones of the same text, the rows
     * of one group of the write-behind, as one with their count as its rows, as a batch is logged.
     *
     * @param sql its text
     * @param rows how many parameter sets it ran with (the size of a batch; 1 otherwise)
     * @param trip which execution on a connection it was part of, counted from 1 in the log; the
     *     statements sent together share it
     */
    record Executed(String sql, int rows, int trip) {

        /** The first keyword, upper case: SELECT, INSERT, UPDATE, DELETE, ... */
        String kind() {
            return sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        }

        /** Whether the statement names the table (as a whole word). */
        boolean touches(String table) {
            return sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*");
        }
    }

    /**
     * What a piece of work sent to the database: its statements and the connection calls that
     * cost a round trip on some driver (commit, rollback, and reading or changing auto-commit or
     * the isolation level).
     *
     * @param statements the executed statements
     * @param connectionCalls the connection calls by method name, in order
     */
    record Counted(List<Executed> statements, List<String> connectionCalls) {

        /** The statements of one kind (SELECT, INSERT, ...). */
        List<Executed> ofKind(String kind) {
            return statements.stream().filter(s -> s.kind().equals(kind)).toList();
        }

        /** How often a connection method was called. */
        long calls(String method) {
            return connectionCalls.stream().filter(method::equals).count();
        }

        /** The round trips of the statements: the executions, whatever each sent together. */
        int roundTrips() {
            return (int) statements.stream().mapToInt(Executed::trip).distinct().count();
        }

        /** Per round trip, the texts of its statements joined as they were sent together. */
        List<String> roundTripTexts() {
            java.util.Map<Integer, List<String>> byTrip = new java.util.LinkedHashMap<>();
            statements.forEach(s -> byTrip.computeIfAbsent(s.trip(), t -> new ArrayList<>()).add(s.sql()));
            return byTrip.values().stream().map(texts -> String.join(";\n", texts)).toList();
        }

        /** Round trips plus commits: the round trips a transaction must make. */
        int statementsAndCommits() {
            return roundTrips() + (int) calls("commit");
        }
    }

    private static final java.util.Set<String> COUNTED_CALLS = java.util.Set.of("commit", "rollback", "setAutoCommit",
            "getAutoCommit", "getTransactionIsolation", "setTransactionIsolation");

    /** Work to run once before a statement, counted among those whose text matches. */
    private record Hook(java.util.function.Predicate<String> sql, int nth, Runnable work,
            java.util.concurrent.atomic.AtomicInteger seen) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Hook> hook = new java.util.concurrent.atomic.AtomicReference<>();
    private final List<Executed> executed = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private volatile boolean on;

    /** Wraps the data source; its connections log into this log. */
    DataSource wrap(DataSource real) {
        return proxy(DataSource.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    /**
     * Runs {@code work} once, on the thread that executes it, just before the {@code nth} (from 1)
     * statement from now whose text matches {@code sql}, whether logging is on or not; replaces a
     * hook not run yet. Work that must not be logged or hooked itself uses another data source.
     */
    void before(java.util.function.Predicate<String> sql, int nth, Runnable work) {
        hook.set(new Hook(sql, nth, work, new java.util.concurrent.atomic.AtomicInteger()));
    }

    /** Whether the hook set by {@link #before} has run (or none was set). */
    boolean hookRan() {
        return hook.get() == null;
    }

    /** Runs the work with logging on and returns what it executed. */
    synchronized List<Executed> during(Runnable work) {
        executed.clear();
        on = true;
        try {
            work.run();
        } finally {
            on = false;
        }
        return List.copyOf(executed);
    }

    /** Runs the work with logging on and returns its statements and connection calls. */
    synchronized Counted count(Runnable work) {
        synchronized (calls) {
            calls.clear();
        }
        List<Executed> statements = during(work);
        synchronized (calls) {
            return new Counted(statements, List.copyOf(calls));
        }
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (target, method, args) -> {
            if (on && COUNTED_CALLS.contains(method.getName())) {
                synchronized (calls) {
                    calls.add(method.getName());
                }
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(method.getReturnType(), s, sql);
            }
            if (method.getName().equals("unwrap") && args[0] == PGConnection.class) {
                return driverConnection((PGConnection) result);
            }
            return result;
        });
    }

    /** The driver's connection, whose copies are logged as the statements are. */
    private PGConnection driverConnection(PGConnection real) {
        return proxy(PGConnection.class, real, (target, method, args) -> method.getName().equals("getCopyAPI")
                ? new LoggedCopies((BaseConnection) real)
                : invoke(target, method, args));
    }

    /** The driver's copy API, logging each copy with the rows of its data. */
    private final class LoggedCopies extends CopyManager {

        LoggedCopies(BaseConnection connection) throws SQLException {
            super(connection);
        }

        @Override
        public long copyIn(String sql, Reader from) throws SQLException, IOException {
            StringWriter data = new StringWriter();
            from.transferTo(data);
            String text = data.toString();
            // a row of a copy's text ends with a line break; one inside a value is escaped
            executing(sql, (int) text.chars().filter(c -> c == '\n').count());
            return super.copyIn(sql, new StringReader(text));
        }
    }

    private Object statement(Class<?> type, Statement real, String preparedSql) {
        int[] batched = {0};
        return proxy(type, real, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched[0]++;
            } else if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                executing(sql, name.equals("executeBatch") ? batched[0] : 1);
            }
            if (name.equals("executeBatch") || name.equals("clearBatch")) {
                Object result = invoke(target, method, args);
                batched[0] = 0;
                return result;
            }
            return invoke(target, method, args);
        });
    }

    /** Runs the hook when this execution is the one it waits for, then logs the execution while logging is on. */
    private void executing(String sql, int rows) {
        Hook h = hook.get();
        if (h != null && sql != null && h.sql().test(sql) && h.seen().incrementAndGet() == h.nth()
                && hook.compareAndSet(h, null)) {
            h.work().run();
        }
        if (on) {
            synchronized (executed) {
                log(sql, rows);
            }
        }
    }

    /** Logs one execution: its statements, in one round trip. */
    private void log(String sql, int rows) {
        int trip = executed.isEmpty() ? 1 : executed.get(executed.size() - 1).trip() + 1;
        if (sql == null) {
            executed.add(new Executed(null, rows, trip));
            return;
        }
        String[] parts = sql.split(";\n");
        if (parts.length == 1) {
            executed.add(new Executed(sql, rows, trip));
            return;
        }
        int i = 0;
        while (i < parts.length) {
            int same = 1;
            while (i + same < parts.length && parts[i + same].equals(parts[i])) {
                same++;
            }
            executed.add(new Executed(parts[i], same * rows, trip));
            i += same;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
