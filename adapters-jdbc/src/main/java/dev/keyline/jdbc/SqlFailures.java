package dev.keyline.jdbc;

import dev.keyline.spi.StorageException;
import java.sql.SQLException;

/** Turns JDBC's checked failures into the provider's {@link StorageException}, keeping the SQL state. */
final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * A storage exception for a failed operation.
     *
     * @param operation what was being done, for example {@code "query [SELECT ...]"}
     * @param failure the JDBC failure
     */
    static StorageException wrap(String operation, SQLException failure) {
        return new StorageException(operation + " failed: " + describe(failure), sqlState(failure), failure);
    }

    /**
     * A storage exception for a failed operation whose failure may or may not come from JDBC.
     *
     * @param operation what was being done
     * @param failure the failure
     */
    static StorageException wrapAny(String operation, Throwable failure) {
        if (failure instanceof SQLException e) {
            return wrap(operation, e);
        }
        if (failure instanceof StorageException e) {
            return e;
        }
        return new StorageException(operation + " failed: " + failure, null, failure);
    }

    /** The first SQL state found on the failure, its chained exceptions or its causes; null when none. */
    static String sqlState(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String describe(SQLException failure) {
        String message = String.valueOf(failure.getMessage());
        SQLException next = failure.getNextException();
        if (next != null && next.getMessage() != null && !message.contains(next.getMessage())) {
            message = message + "; " + next.getMessage();
        }
        return message;
    }
}
