package dev.keyline.jdbc;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Currency;
import java.util.UUID;
import java.util.function.Function;

/**
 * The current row of a query, read by column label with the conversions the provider's
 * parameter binding uses in the other direction (see {@link JdbcSession}).
 *
 * <p>Getters of object types return null for SQL NULL. Getters of primitive types fail with a
 * {@link CorruptStateException} naming the column when it is NULL, as do conversions of stored
 * text that is not what the column should hold (an unknown enum constant, an invalid identifier,
 * a malformed year-month). Failures of the driver become a {@link dev.keyline.spi.StorageException}.
 */
public final class Row {

    private final ResultSet resultSet;
    private final String sql;
    private final ColumnLabels.Cache labels;
    /** The result's columns by label, resolved on the first read; null until then. */
    private ColumnLabels columns;
    /**
     * The labels the mapper read on the first row, in order, with their positions: a mapper reads
     * the same columns in the same order on every row, so the next read of a later row is
     * predicted and confirmed by identity (the labels are the code's string constants), without
     * hashing the label.
     */
    private String[] readLabels = new String[16];
    private int[] readPositions = new int[16];
    private int reads;
    /** Which read of the current row comes next; -1 while the first row records its reads. */
    private int step = -1;

    /**
     * A row of a result set of the query {@code sql}, whose column positions are looked up once
     * per result set (in {@code labels}' entry for the query when the result's labels are still
     * the ones kept for it) instead of by the driver on every read.
     */
    Row(ResultSet resultSet, String sql, ColumnLabels.Cache labels) {
        this.resultSet = resultSet;
        this.sql = sql;
        this.labels = labels;
    }

    /**
     * Moves to the next row of the result set.
     *
     * @return false when there is none
     * @throws SQLException when the driver fails
     */
    boolean next() throws SQLException {
        if (step < 0 && reads > 0 && columns != null) {
            columns.keepReads(readLabels, readPositions, reads); // the next result of the query predicts from its first row
        }
        if (step >= 0 || reads > 0) {
            step = 0; // the first row has recorded its reads (or is being re-read): predict from now on
        }
        return resultSet.next();
    }

    /**
     * The position of the column labelled {@code column} in the result (the first, when several
     * share the label), matched as the driver matches labels, ignoring case; 0 when the labels
     * name no such column, so that the driver's own lookup decides.
     */
    private int index(String column) throws SQLException {
        int s = step;
        if (s < 0 && columns == null) {
            s = resolveColumns();
        }
        if (s >= 0) {
            // the predicted read, or a later one when this row skips some (a column read only
            // when another holds a value, for instance)
            for (int i = s, end = Math.min(reads, s + LOOK_AHEAD); i < end; i++) {
                if (readLabels[i] == column) {
                    step = i + 1;
                    return readPositions[i];
                }
            }
        }
        Require.nonBlank(column, "column"); // off the predicted path: a predicted label was checked on the first row
        ColumnLabels c = columns;
        if (c == null) {
            c = labels.of(sql, resultSet.getMetaData());
            columns = c;
        }
        int position = c.indexOf(column);
        if (s < 0 && position != 0 && reads < MAX_RECORDED_READS) {
            if (reads == readLabels.length) {
                readLabels = Arrays.copyOf(readLabels, reads * 2);
                readPositions = Arrays.copyOf(readPositions, reads * 2);
            }
            readLabels[reads] = column;
            readPositions[reads++] = position;
        }
        return position;
    }

    /**
     * Resolves the result's columns on the first read; when an earlier result of the query kept
     * the reads of its first row, predicts from them from this first row on.
     *
     * @return the step to predict from, or -1 to record this row's reads
     */
    private int resolveColumns() throws SQLException {
        ColumnLabels c = labels.of(sql, resultSet.getMetaData());
        columns = c;
        ColumnLabels.Reads kept = c.keptReads();
        if (kept != null) {
            // shared with the other rows of the query: never written, as only a row that records writes its reads
            readLabels = kept.labels();
            readPositions = kept.positions();
            reads = kept.labels().length;
            step = 0;
        }
        return step;
    }

    /** How many reads of the first row are recorded for prediction at most. */
    private static final int MAX_RECORDED_READS = 256;

    /** How many recorded reads a read may skip and still be predicted. */
    private static final int LOOK_AHEAD = 8;

    /**
     * The underlying result set, for reads the typed getters do not offer. Do not move its cursor
     * or close it.
     *
     * @return the result set positioned at this row
     */
    public ResultSet resultSet() {
        return resultSet;
    }

    /**
     * A text column.
     *
     * @param column the column label
     * @return its value, or null
     */
    public String string(String column) {
        try {
            return resultSet.getString(at(column));
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * A text column that must not be NULL.
     *
     * @param column the column label
     * @return its value
     * @throws CorruptStateException when it is NULL
     */
    public String requiredString(String column) {
        return required(column, string(column));
    }

    /**
     * An integer column of type BIGINT (or smaller).
     *
     * @param column the column label
     * @return its value
     * @throws CorruptStateException when it is NULL
     */
    public long longValue(String column) {
        return required(column, nullableLong(column));
    }

    /**
     * An integer column that may be NULL.
     *
     * @param column the column label
     * @return its value, or null
     */
    public Long nullableLong(String column) {
        try {
            long value = resultSet.getLong(at(column));
            return resultSet.wasNull() ? null : value;
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * An integer column of type INTEGER (or smaller).
     *
     * @param column the column label
     * @return its value
     * @throws CorruptStateException when it is NULL
     */
    public int intValue(String column) {
        return required(column, nullableInt(column));
    }

    /**
     * An integer column that may be NULL.
     *
     * @param column the column label
     * @return its value, or null
     */
    public Integer nullableInt(String column) {
        try {
            int value = resultSet.getInt(at(column));
            return resultSet.wasNull() ? null : value;
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * A BOOLEAN column.
     *
     * @param column the column label
     * @return its value
     * @throws CorruptStateException when it is NULL
     */
    public boolean bool(String column) {
        try {
            boolean value = resultSet.getBoolean(at(column));
            if (resultSet.wasNull()) {
                throw nullIn(column);
            }
            return value;
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * A NUMERIC/DECIMAL column, with the scale the column stores.
     *
     * @param column the column label
     * @return its value, or null
     */
    public BigDecimal bigDecimal(String column) {
        try {
            return resultSet.getBigDecimal(at(column));
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * A {@code TIMESTAMP WITH TIME ZONE} column as an instant (microsecond precision).
     *
     * @param column the column label
     * @return its value, or null
     */
    public Instant instant(String column) {
        try {
            OffsetDateTime value = resultSet.getObject(at(column), OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * A DATE column.
     *
     * @param column the column label
     * @return its value, or null
     */
    public LocalDate localDate(String column) {
        try {
            return resultSet.getObject(at(column), LocalDate.class);
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * A year-month stored as text in the form {@code 2025-03} (a {@code CHAR(7)} column).
     *
     * @param column the column label
     * @return its value, or null
     * @throws CorruptStateException when the text is not a year-month
     */
    public YearMonth yearMonth(String column) {
        String text = string(column);
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeException e) {
            throw new CorruptStateException("column " + column + " holds '" + text + "', not a year-month like 2025-03", e);
        }
    }

    /**
     * A currency stored as its ISO 4217 code (a {@code CHAR(3)} column).
     *
     * @param column the column label
     * @return its value, or null
     * @throws CorruptStateException when the text is no ISO 4217 code
     */
    public Currency currency(String column) {
        String text = string(column);
        if (text == null) {
            return null;
        }
        try {
            return Currency.getInstance(text.trim());
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("column " + column + " holds '" + text + "', not an ISO 4217 currency code", e);
        }
    }

    /**
     * An amount of money stored in two columns: the amount (NUMERIC(19, 2)) and the currency code.
     *
     * @param amountColumn the label of the amount column
     * @param currencyColumn the label of the currency column
     * @return the money, or null when the amount is NULL
     * @throws CorruptStateException when the amount is set but the currency is NULL or invalid
     */
    public Money money(String amountColumn, String currencyColumn) {
        Require.nonBlank(amountColumn, "amountColumn");
        Require.nonBlank(currencyColumn, "currencyColumn");
        BigDecimal amount = bigDecimal(amountColumn);
        if (amount == null) {
            return null;
        }
        Currency currency = currency(currencyColumn);
        if (currency == null) {
            throw new CorruptStateException("column " + currencyColumn + " is NULL but " + amountColumn + " holds an amount");
        }
        return Money.of(amount, currency);
    }

    /**
     * A UUID column.
     *
     * @param column the column label
     * @return its value, or null
     */
    public UUID uuid(String column) {
        try {
            return resultSet.getObject(at(column), UUID.class);
        } catch (SQLException e) {
            throw failure(column, e);
        }
    }

    /**
     * An event id stored in a UUID column.
     *
     * @param column the column label
     * @return its value, or null
     */
    public EventId eventId(String column) {
        UUID value = uuid(column);
        return value == null ? null : new EventId(value);
    }

    /**
     * An enum stored by its constant name.
     *
     * @param column the column label
     * @param type the enum type
     * @param <E> the enum type
     * @return its value, or null
     * @throws CorruptStateException when the text names no constant of {@code type}
     */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        Require.nonNull(type, "type");
        String text = string(column);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("column " + column + " holds '" + text + "', not a " + type.getSimpleName(), e);
        }
    }

    /**
     * A typed identifier (or any value object built from text) stored as text.
     *
     * @param column the column label
     * @param factory builds the value from the text, for example {@code AccountId::new}
     * @param <I> the value type
     * @return its value, or null
     * @throws CorruptStateException when {@code factory} rejects the stored text
     */
    public <I> I identifier(String column, Function<String, I> factory) {
        Require.nonNull(factory, "factory");
        String text = string(column);
        if (text == null) {
            return null;
        }
        try {
            return factory.apply(text);
        } catch (KeylineException | IllegalArgumentException e) {
            throw new CorruptStateException("column " + column + " holds '" + text + "', which was rejected: " + e.getMessage(), e);
        }
    }

    /** The column's position; when the labels do not name it, the driver's lookup decides (and fails naming it). */
    private int at(String column) throws SQLException {
        int index = index(column);
        return index != 0 ? index : resultSet.findColumn(column);
    }

    private static <T> T required(String column, T value) {
        if (value == null) {
            throw nullIn(column);
        }
        return value;
    }

    private static CorruptStateException nullIn(String column) {
        return new CorruptStateException("column " + column + " is NULL but a value is required");
    }

    private static RuntimeException failure(String column, SQLException e) {
        return SqlFailures.wrap("reading column " + column, e);
    }
}
