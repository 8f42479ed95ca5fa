package dev.keyline.jdbc;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many rows of one insert into a Keyline table, sent to PostgreSQL as one
 * {@code COPY table (columns) FROM STDIN} in its text format instead of a batch of inserts: the
 * server parses one statement and takes the rows as a stream, which costs it about two thirds of
 * the time of the same rows as multi-row inserts. {@link PendingWrites} uses it for a group of at
 * least {@value #FEWEST_ROWS} rows, a bulk transaction's, never a command's few, in copies of at
 * most {@value #MOST_ROWS} rows.
 *
 * <p>Only an insert of the form the provider generates qualifies: {@code INSERT INTO keyline_...
 * (columns) VALUES (?, ...)}, one placeholder per column, into a table of Keyline's own schema,
 * whose instants are all {@code TIMESTAMP WITH TIME ZONE} (a host's table may hold a
 * {@code TIMESTAMP} without one, which an instant's text and a bound instant fill differently).
 * Each value is written as the text {@link SqlParameters} would bind it as: a string as it is, an
 * instant in UTC truncated to microseconds, an enum by name, an identifier by its value, and so
 * on; a value of another type (an array, a {@code double}, or one binding refuses) makes the
 * rows from its copy on go as a batch, which binds them, or reports the value, as before. The
 * outcomes are those of the batch: the same rows written, a duplicate key rejected as the row the
 * database names, and a failure that leaves the transaction to roll back.
 *
 * <p>The copy goes through the PostgreSQL driver's own API, found by reflection (the provider
 * compiles against JDBC alone); a connection that does not unwrap to the driver's, or a driver
 * without it, sends the batch.
 */
final class PostgresCopy {

    /** The fewest rows of one insert that a flush copies. */
    static final int FEWEST_ROWS = 100;

    /**
     * The most rows one copy sends: a larger group goes as several copies in order, so that the
     * text of no more than these rows is held at once (about a megabyte for a provisioning stage's).
     */
    static final int MOST_ROWS = 5_000;

    private static final Pattern INSERT = Pattern.compile(
            "INSERT INTO (keyline_[a-z0-9_]+) \\(([a-z0-9_]+(?:, [a-z0-9_]+)*)\\) VALUES \\((\\?(?:, \\?)*)\\)");

    /** The most insert texts {@link #COPIES} keeps; beyond them a text is translated at each flush. */
    private static final int MOST_KEPT = 1_000;

    /**
     * The COPY of each insert text that qualifies, and the empty text for one that does not: the
     * provider's inserts are a few per table, but a host's own texts could be many.
     */
    private static final BoundedMemo<String, String> COPIES = new BoundedMemo<>(MOST_KEPT, PostgresCopy::translate);

    private static volatile Api api;

    private PostgresCopy() {
    }

    /**
     * The {@code COPY ... FROM STDIN} that writes what {@code insert} writes, or null when the
     * insert does not qualify.
     *
     * @param insert an insert's text
     * @return the copy's text, or null
     */
    static String copyOf(String insert) {
        String copy = COPIES.get(insert);
        return copy.isEmpty() ? null : copy;
    }

    /** How many insert texts are kept translated, at most {@value #MOST_KEPT}. */
    static int keptTexts() {
        return COPIES.size();
    }

    private static String translate(String insert) {
        Matcher matcher = INSERT.matcher(insert);
        if (!matcher.matches()) {
            return "";
        }
        String columns = matcher.group(2);
        int placeholders = (matcher.group(3).length() + 2) / 3;
        if (columns.split(", ").length != placeholders) {
            return "";
        }
        return "COPY " + matcher.group(1) + " (" + columns + ") FROM STDIN";
    }

    /**
     * Appends one row of values in COPY's text format (tab between values, a line feed after the
     * row, {@code \N} for null), or appends nothing and returns false when a value has no text
     * form here.
     *
     * @param data the rows so far
     * @param values the row's values, as {@link SqlParameters#bind} takes them
     * @return whether the row was appended
     */
    static boolean appendRow(StringBuilder data, Object[] values) {
        int start = data.length();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                data.append('\t');
            }
            if (!appendValue(data, values[i])) {
                data.setLength(start);
                return false;
            }
        }
        data.append('\n');
        return true;
    }

    private static boolean appendValue(StringBuilder data, Object value) {
        Object v = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (v == null) {
            data.append("\\N");
        } else if (v instanceof String s) {
            appendText(data, s);
        } else if (v instanceof Instant instant) {
            data.append(SqlParameters.storedInstantText(instant));
        } else if (v instanceof OffsetDateTime time) {
            data.append(SqlParameters.storedInstantText(time.toInstant()));
        } else if (v instanceof Boolean b) {
            data.append(b ? 't' : 'f');
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            data.append(v);
        } else if (v instanceof BigDecimal decimal) {
            data.append(decimal.toPlainString());
        } else if (v instanceof Enum<?> constant) {
            appendText(data, constant.name());
        } else if (v instanceof Identifier identifier) {
            appendText(data, identifier.value());
        } else if (v instanceof EventId eventId) {
            data.append(eventId.value());
        } else if (v instanceof UUID || v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime
                || v instanceof YearMonth) {
            data.append(v);
        } else if (v instanceof Currency currency) {
            appendText(data, currency.getCurrencyCode());
        } else if (v instanceof byte[] bytes) {
            // bytea's hex form, its backslash escaped for COPY
            data.append("\\\\x");
            for (byte b : bytes) {
                data.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        } else {
            // floating-point numbers (whose texts a NUMERIC column reads otherwise than a bound
            // double), arrays, and what binding refuses with its own message: sent as a batch
            return false;
        }
        return true;
    }

    /** A text value, with COPY's escapes for the backslash, tab, line feed and carriage return. */
    private static void appendText(StringBuilder data, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                default -> data.append(c);
            }
        }
    }

    /**
     * Copies the rows in one round trip, or returns -1 without sending anything when the
     * connection does not unwrap to the PostgreSQL driver's.
     *
     * @param connection the transaction's connection
     * @param copy the copy's text, from {@link #copyOf}
     * @param data the rows, from {@link #appendRow}
     * @return the rows the server copied, or -1
     * @throws SQLException when the server refuses the copy (the transaction must then roll back)
     */
    static long copy(Connection connection, String copy, StringBuilder data) throws SQLException {
        Api found = api(connection);
        if (found == null || !connection.isWrapperFor(found.connection)) {
            return -1;
        }
        Object driverConnection = connection.unwrap(found.connection);
        try {
            Object manager = found.copyApi.invoke(driverConnection);
            return (Long) found.copyIn.invoke(manager, copy, new StringReader(data.toString()));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof IOException io) {
                throw new SQLException("sending the rows of " + copy + " failed: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the PostgreSQL driver's copy failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the PostgreSQL driver's copy API is not accessible", e);
        }
    }

    /** The driver's copy API, looked up once; null when the driver is not on the class path. */
    private static Api api(Connection connection) {
        Api found = api;
        if (found == null) {
            found = Api.lookUp(connection);
            api = found;
        }
        return found.connection == null ? null : found;
    }

    /** {@code PGConnection}, its {@code getCopyAPI()} and {@code CopyManager.copyIn(String, Reader)}; all null when absent. */
    private record Api(Class<?> connection, Method copyApi, Method copyIn) {

        static Api lookUp(Connection any) {
            for (ClassLoader loader : new ClassLoader[] {any.getClass().getClassLoader(),
                    Thread.currentThread().getContextClassLoader(), PostgresCopy.class.getClassLoader()}) {
                try {
                    Class<?> pg = Class.forName("org.postgresql.PGConnection", false, loader);
                    Class<?> manager = Class.forName("org.postgresql.copy.CopyManager", false, loader);
                    return new Api(pg, pg.getMethod("getCopyAPI"), manager.getMethod("copyIn", String.class, Reader.class));
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                    // not through this loader: try the next
                }
            }
            return new Api(null, null, null);
        }
    }
}
