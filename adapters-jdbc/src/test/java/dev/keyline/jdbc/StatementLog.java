package dev.keyline.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A data source that logs every statement its connections execute, while logging is on: a plain
 * {@link java.lang.reflect.Proxy} around a real data source, its connections and statements, so
 * a test can count what a save sends to a real database.
 */
final class StatementLog {

    /**
     * One executed statement.
     *
     * @param sql its text
     * @param rows how many parameter sets it ran with (the size of a batch; 1 otherwise)
     */
    record Executed(String sql, int rows) {

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

        /** Statements plus commits: the round trips a transaction must make. */
        int statementsAndCommits() {
            return statements.size() + (int) calls("commit");
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
            return result;
        });
    }

    private Object statement(Class<?> type, Statement real, String preparedSql) {
        int[] batched = {0};
        return proxy(type, real, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched[0]++;
            } else if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                Hook h = hook.get();
                if (h != null && sql != null && h.sql().test(sql) && h.seen().incrementAndGet() == h.nth()
                        && hook.compareAndSet(h, null)) {
                    h.work().run();
                }
                if (on) {
                    synchronized (executed) {
                        executed.add(new Executed(sql, name.equals("executeBatch") ? batched[0] : 1));
                    }
                }
            }
            if (name.equals("executeBatch") || name.equals("clearBatch")) {
                Object result = invoke(target, method, args);
                batched[0] = 0;
                return result;
            }
            return invoke(target, method, args);
        });
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
