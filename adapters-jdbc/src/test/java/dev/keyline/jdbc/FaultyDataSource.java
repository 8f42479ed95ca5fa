package dev.keyline.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A data source that makes a real database fail on cue: plain {@link Proxy} objects around a real
 * data source, its connections and statements. Armed with a {@link Fault} and a number k, it lets
 * k - 1 statements through and then fails: the k-th statement throws, the connection is dropped
 * under it (every later call on that connection fails too, and the real connection is rolled back
 * before it goes back to its pool), the statement times out with a {@link SQLTimeoutException},
 * or the connection drops during the commit (the work is rolled back, the commit call fails).
 * A PostgreSQL copy ({@code CopyManager.copyIn}, which the provider reaches by unwrapping the
 * connection to the driver's) counts and fails as a statement does.
 */
final class FaultyDataSource {

    /** How the database fails. */
    enum Fault {
        /** The k-th statement fails with a plain SQL error. */
        STATEMENT,
        /** The connection drops when the k-th statement is sent. */
        DROP,
        /** The k-th statement times out. */
        TIMEOUT,
        /** The connection drops while committing (k counts commits). */
        DROP_ON_COMMIT
    }

    private final DataSource real;
    private volatile Fault fault;
    private volatile int at;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger copies = new AtomicInteger();
    private final AtomicInteger injectedIntoCopies = new AtomicInteger();

    FaultyDataSource(DataSource real) {
        this.real = real;
    }

    /** The wrapped data source, to build a provider on. */
    DataSource dataSource() {
        return proxy(DataSource.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    /** Fails the k-th statement (or commit) from now on, once. */
    void arm(Fault newFault, int k) {
        seen.set(0);
        at = k;
        fault = newFault;
    }

    /** Lets everything through again. */
    void disarm() {
        fault = null;
    }

    /** Whether the armed fault has not fired yet. */
    boolean pending() {
        return fault != null;
    }

    /** How many faults this data source has injected. */
    int injected() {
        return injected.get();
    }

    /** How many copies have been sent through this data source, failed ones included. */
    int copies() {
        return copies.get();
    }

    /** How many of the injected faults failed a copy. */
    int injectedIntoCopies() {
        return injectedIntoCopies.get();
    }

    private Connection connection(Connection realConnection) {
        boolean[] dropped = {false};
        return proxy(Connection.class, realConnection, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("close") || name.equals("isClosed")) {
                if (dropped[0] && name.equals("close")) {
                    rollbackQuietly(realConnection);
                }
                return invoke(target, method, args);
            }
            if (dropped[0]) {
                throw dropped();
            }
            if (name.equals("commit") && fires(Fault.DROP_ON_COMMIT)) {
                dropped[0] = true;
                rollbackQuietly(realConnection);
                throw dropped();
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
                return statement(method.getReturnType(), s, dropped, realConnection);
            }
            if (name.equals("unwrap") && args[0] == PGConnection.class) {
                return driverConnection((PGConnection) result, dropped, realConnection);
            }
            return result;
        });
    }

    /** The driver's connection, whose copy API fails as the statements do. */
    private PGConnection driverConnection(PGConnection real, boolean[] dropped, Connection realConnection) {
        return proxy(PGConnection.class, real, (target, method, args) -> {
            if (dropped[0]) {
                throw dropped();
            }
            if (method.getName().equals("getCopyAPI")) {
                return new FaultyCopies((BaseConnection) real, dropped, realConnection);
            }
            return invoke(target, method, args);
        });
    }

    /** The driver's copy API, failing a copy as {@link #failIfDue} fails a statement. */
    private final class FaultyCopies extends CopyManager {
        private final boolean[] dropped;
        private final Connection realConnection;

        FaultyCopies(BaseConnection connection, boolean[] dropped, Connection realConnection) throws SQLException {
            super(connection);
            this.dropped = dropped;
            this.realConnection = realConnection;
        }

        @Override
        public long copyIn(String sql, Reader from) throws SQLException, IOException {
            copies.incrementAndGet();
            int before = injected.get();
            try {
                failIfDue(dropped, realConnection);
            } finally {
                injectedIntoCopies.addAndGet(injected.get() - before);
            }
            return super.copyIn(sql, from);
        }
    }

    private Object statement(Class<?> type, Statement realStatement, boolean[] dropped, Connection realConnection) {
        return proxy(type, realStatement, (target, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                failIfDue(dropped, realConnection);
            }
            return invoke(target, method, args);
        });
    }

    /** Counts a statement (or copy) sent on the connection, and fails it when the armed fault is due. */
    private void failIfDue(boolean[] dropped, Connection realConnection) throws SQLException {
        if (dropped[0]) {
            throw dropped();
        }
        if (fires(Fault.STATEMENT)) {
            throw new SQLException("injected failure of a statement", "XX000");
        }
        if (fires(Fault.TIMEOUT)) {
            throw new SQLTimeoutException("injected statement timeout", "57014");
        }
        if (fires(Fault.DROP)) {
            dropped[0] = true;
            rollbackQuietly(realConnection);
            throw dropped();
        }
    }

    /** Counts one statement (or commit) of the armed kind; true when this one is the k-th. */
    private boolean fires(Fault kind) {
        if (fault != kind) {
            return false;
        }
        if (seen.incrementAndGet() == at) {
            fault = null;
            injected.incrementAndGet();
            return true;
        }
        return false;
    }

    private static SQLException dropped() {
        return new SQLTransientConnectionException("injected: the connection to the database was lost", "08006");
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the injected drop is the failure the caller sees; the rollback only keeps the pool clean
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, h);
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
