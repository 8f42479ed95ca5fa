package dev.keyline.jdbc;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/** Binds statement parameters the same way everywhere in the provider (see {@link JdbcSession}). */
final class SqlParameters {

    private SqlParameters() {
    }

    /** Binds {@code params} to the statement's placeholders 1..n. */
    static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(statement, i + 1, params[i]);
        }
    }

    /** The instant as the provider stores it: truncated to whole microseconds. */
    static Instant storedInstant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The instant as it is stored (truncated to microseconds), at offset UTC: the value an instant
     * is bound as. Built from its date and time at that offset, the same value as
     * {@code OffsetDateTime.ofInstant(storedInstant(instant), ZoneOffset.UTC)}, which on Java 17
     * builds new {@code ZoneRules} (with a map of their own) at every call.
     *
     * @param instant the instant
     * @return it at offset UTC
     * @throws java.time.DateTimeException when it lies beyond the years an {@code OffsetDateTime} holds
     */
    static OffsetDateTime storedUtc(Instant instant) {
        Instant stored = storedInstant(instant);
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(stored.getEpochSecond(), stored.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    /**
     * The instant as it is stored (truncated to microseconds), as ISO-8601 text in UTC with six
     * fraction digits, {@code 2026-03-02T02:00:00.000000Z}: the text of a {@code timestamptz} in an
     * array parameter. {@link Instant#toString()} gives the same instant, but through a
     * {@code DateTimeFormatter} that cost the relay a few percent of its time, three times per
     * event; outside the years 1 to 9999 this returns that form.
     *
     * @param instant the instant
     * @return the text
     */
    static String storedInstantText(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return storedInstant(instant).toString();
        }
        char[] text = new char[27];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1000, 6);
        text[26] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

    /**
     * Binds one value with the setter its type takes. The types a save binds most (text, ids,
     * enums, instants, numbers) are tested first, classes by identity where they are final, so
     * that a row's columns find their setters in a few tests each; every type is tested once at
     * most, so the order changes no value's setter.
     */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        Object v = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (v == null) {
            statement.setNull(index, Types.NULL);
            return;
        }
        Class<?> type = v.getClass();
        if (type == String.class) {
            statement.setString(index, (String) v);
        } else if (v instanceof Enum<?> constant && !(v instanceof java.sql.Array)) {
            statement.setString(index, constant.name());
        } else if (v instanceof Identifier identifier && !(v instanceof java.sql.Array) && !(v instanceof Number)) {
            // an enum or id that is also an array or a number is bound as that, by the tests below, as it always was
            statement.setString(index, identifier.value());
        } else if (type == Instant.class) {
            statement.setObject(index, storedUtc((Instant) v));
        } else if (v instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (type == Long.class) {
            statement.setLong(index, (Long) v);
        } else if (type == Integer.class) {
            statement.setInt(index, (Integer) v);
        } else if (type == Boolean.class) {
            statement.setBoolean(index, (Boolean) v);
        } else {
            bindOther(statement, index, v);
        }
    }

    /** The types bound less often, in the order they were always tested. */
    private static void bindOther(PreparedStatement statement, int index, Object v) throws SQLException {
        if (v instanceof OffsetDateTime time) {
            statement.setObject(index, time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime || v instanceof UUID
                || v instanceof byte[]) {
            statement.setObject(index, v);
        } else if (v instanceof java.sql.Array array) {
            statement.setArray(index, array);
        } else if (v instanceof YearMonth month) {
            statement.setString(index, month.toString());
        } else if (v instanceof BigInteger integer) {
            statement.setBigDecimal(index, new BigDecimal(integer));
        } else if (v instanceof Short number) {
            statement.setShort(index, number);
        } else if (v instanceof Byte number) {
            statement.setByte(index, number);
        } else if (v instanceof Double number) {
            statement.setDouble(index, number);
        } else if (v instanceof Float number) {
            statement.setFloat(index, number);
        } else if (v instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (v instanceof Identifier identifier) {
            statement.setString(index, identifier.value());
        } else if (v instanceof EventId eventId) {
            statement.setObject(index, eventId.value());
        } else if (v instanceof Currency currency) {
            statement.setString(index, currency.getCurrencyCode());
        } else if (v instanceof Money) {
            throw new InvalidArgumentException("params[" + (index - 1) + "]", "Money takes two columns: bind its amount() "
                    + "to a NUMERIC(19, 2) column and its currency() to a CHAR(3) column, and read it with Row.money");
        } else {
            throw new InvalidArgumentException("params[" + (index - 1) + "]", "cannot bind a "
                    + v.getClass().getName() + "; convert it to a String, number, Instant, LocalDate, YearMonth, "
                    + "BigDecimal, enum, Identifier, EventId, UUID, Currency, Boolean or byte[] first");
        }
    }
}
