package dev.keyline.spi;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.domain.common.Require;

/**
 * The storage provider failed for a reason outside the domain (connection lost, constraint the
 * domain did not foresee, disk full). Providers wrap their native exceptions in this type and
 * never let them leak; a JDBC provider adds the SQL state.
 */
public class StorageException extends KeylineException {

    private static final long serialVersionUID = 1L;

    /** The SQL state of the underlying failure, or null when there is none. */
    private final String sqlState;

    /**
     * @param message what failed
     * @param sqlState the SQL state of the underlying failure, or null when there is none
     * @param cause the underlying failure, may be null
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code message} is null
     */
    public StorageException(String message, String sqlState, Throwable cause) {
        super(ReasonCode.STORAGE_FAILURE, withState(Require.nonNull(message, "message"), sqlState), cause);
        this.sqlState = sqlState;
    }

    /**
     * @param message what failed
     * @param cause the underlying failure, may be null
     */
    public StorageException(String message, Throwable cause) {
        this(message, null, cause);
    }

    private static String withState(String message, String sqlState) {
        return sqlState == null ? message : message + " [SQLState " + sqlState + "]";
    }

    /** {@return the SQL state of the underlying failure, or null when there is none} */
    public String sqlState() {
        return sqlState;
    }
}
