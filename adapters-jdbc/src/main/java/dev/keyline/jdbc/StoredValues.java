package dev.keyline.jdbc;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How area tables hold the domain's values, in both directions: money as an amount
 * and an ISO currency code, exact decimals in NUMERIC columns, users by id, and the conversion of a
 * value the domain rejects into a {@link CorruptStateException} naming what was read.
 */
public final class StoredValues {

    private StoredValues() {
    }

    /** A required money value from an amount column and a currency column (see {@link Row#money}). */
    public static Money money(Row row, String amountColumn, String currencyColumn) {
        Require.nonNull(row, "row");
        Require.nonNull(amountColumn, "amountColumn");
        Require.nonNull(currencyColumn, "currencyColumn");
        Money money = row.money(amountColumn, currencyColumn);
        if (money == null) {
            throw new CorruptStateException("column " + amountColumn + " is NULL but a value is required");
        }
        return money;
    }

    /** An optional money value: empty when the amount column is NULL. */
    public static Optional<Money> optionalMoney(Row row, String amountColumn, String currencyColumn) {
        Require.nonNull(row, "row");
        Require.nonNull(amountColumn, "amountColumn");
        Require.nonNull(currencyColumn, "currencyColumn");
        return Optional.ofNullable(row.money(amountColumn, currencyColumn));
    }

    /** A required ISO currency code. */
    public static Currency currency(Row row, String column) {
        Require.nonNull(row, "row");
        Require.nonNull(column, "column");
        Currency currency = row.currency(column);
        if (currency == null) {
            throw new CorruptStateException("column " + column + " is NULL but a value is required");
        }
        return currency;
    }

    /** A required decimal from a NUMERIC column. */
    public static BigDecimal decimal(Row row, String column) {
        Require.nonNull(row, "row");
        Require.nonNull(column, "column");
        BigDecimal value = row.bigDecimal(column);
        if (value == null) {
            throw new CorruptStateException("column " + column + " is NULL but a value is required");
        }
        return value;
    }

    /** A required user id. */
    public static UserId user(Row row, String column) {
        Require.nonNull(row, "row");
        Require.nonNull(column, "column");
        return required(row, column, UserId::new);
    }

    /** An optional user id. */
    public static Optional<UserId> optionalUser(Row row, String column) {
        Require.nonNull(row, "row");
        Require.nonNull(column, "column");
        return Optional.ofNullable(row.identifier(column, UserId::new));
    }

    /** A required identifier (or other value built from text). */
    public static <T> T required(Row row, String column, Function<String, T> factory) {
        Require.nonNull(row, "row");
        Require.nonNull(column, "column");
        Require.nonNull(factory, "factory");
        T value = row.identifier(column, factory);
        if (value == null) {
            throw new CorruptStateException("column " + column + " is NULL but a value is required");
        }
        return value;
    }

    /** A required enum constant. */
    public static <E extends Enum<E>> E requiredEnum(Row row, String column, Class<E> type) {
        Require.nonNull(row, "row");
        Require.nonNull(column, "column");
        Require.nonNull(type, "type");
        E value = row.enumValue(column, type);
        if (value == null) {
            throw new CorruptStateException("column " + column + " is NULL but a value is required");
        }
        return value;
    }

    /**
     * Builds a value from stored columns; a domain rejection of them becomes a
     * {@link CorruptStateException} naming what was read.
     */
    public static <T> T stored(String what, Supplier<T> build) {
        Require.nonNull(what, "what");
        return stored(() -> what, build);
    }

    /**
     * {@link #stored(String, Supplier)} with a description built only when the value is rejected,
     * for the many rows of a load, where building it for every row would cost more than the row.
     */
    public static <T> T stored(Supplier<String> what, Supplier<T> build) {
        Require.nonNull(what, "what");
        Require.nonNull(build, "build");
        try {
            return build.get();
        } catch (CorruptStateException e) {
            throw e;
        } catch (KeylineException e) {
            throw new CorruptStateException("stored " + what.get() + " is invalid: " + e.getMessage(), e);
        }
    }

    /** {@code ?, ?, ?} with {@code count} placeholders, for an IN list. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * The items split into chunks of at most {@code size}, in order: every chunk but the last holds
     * {@code size} items. Each chunk's list is sized for the items it will hold, not for
     * {@code size} (a command's six spend facts in chunks of 500 allocated room for 500).
     *
     * @param <T> the item type
     * @param items the items
     * @param size the most items of a chunk, positive
     * @return the chunks; none when there are no items
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code size} is not positive
     */
    public static <T> List<List<T>> chunks(Collection<T> items, int size) {
        Require.nonNull(items, "items");
        Require.positive(size, "size");
        int remaining = items.size();
        List<List<T>> chunks = new ArrayList<>(remaining / size + 1);
        List<T> current = new ArrayList<>(Math.min(size, remaining));
        for (T item : items) {
            current.add(item);
            remaining--;
            if (current.size() == size) {
                chunks.add(current);
                current = new ArrayList<>(Math.min(size, remaining));
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
