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

    /**
     * Every message of a failure, one per line: its own, its causes', and of each JDBC failure among
     * them its chained exceptions' (and their causes'), where the drivers put what a batch's
     * rejected row was.
     */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    text.append(next.getMessage()).append('\n');
                    if (next.getCause() != null) {
                        text.append(next.getCause().getMessage()).append('\n');
                    }
                }
            }
        }
        return text.toString();
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
