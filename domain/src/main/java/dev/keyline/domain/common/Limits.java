package dev.keyline.domain.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * The one set of bounds on stored values: every value the domain accepts fits every storage
 * provider, so a valid aggregate always saves and a bound is reported as an
 * {@link InvalidArgumentException} naming the field, never as a storage failure. The JDBC schema
 * declares the same numbers (a test compares each column with its constant here).
 *
 * <p>Text lengths count UTF-16 code units ({@link String#length()}): a character outside the Basic
 * Multilingual Plane (an emoji, a rare CJK ideograph) counts as two. H2 counts the same unit;
 * PostgreSQL counts code points, which are never more, so text within a bound fits both.
 */
public final class Limits {

    /** The longest identifier ({@link Identifier}): 64 characters. */
    public static final int ID_LENGTH = 64;

    /** The longest name of a party, such as a key account's name: 500 characters. */
    public static final int NAME_LENGTH = 500;

    /** The longest name of a classification or churn-warning rule: 200 characters. */
    public static final int RULE_NAME_LENGTH = 200;

    /** The longest free text (a reason, a note, a description, an explanation): 4,000 characters. */
    public static final int TEXT_LENGTH = 4000;

    /** The longest part of an {@link Audience} other than its subject (a role, a unit, an id): 255 characters. */
    public static final int AUDIENCE_PART_LENGTH = 255;

    /**
     * The longest key of an outbox timer (for example {@code resource.reservation-expiry/R-17}): 255
     * characters, room for a type prefix and an identifier.
     */
    public static final int TIMER_KEY_LENGTH = 255;

    /** The digits of a stored amount of money, as SQL {@code NUMERIC(19, 2)}: 19 in all. */
    public static final int MONEY_PRECISION = 19;

    /** The decimals of a stored amount of money: 2, as {@link Money#SCALE}. */
    public static final int MONEY_SCALE = Money.SCALE;

    /** The largest magnitude of a stored amount: 99,999,999,999,999,999.99 (17 integer digits). */
    public static final BigDecimal MAX_MONEY = BigDecimal.TEN.pow(MONEY_PRECISION - MONEY_SCALE)
            .subtract(BigDecimal.ONE.movePointLeft(MONEY_SCALE));

    /** The digits of a stored ratio (a growth, a share), as SQL {@code NUMERIC(12, 6)}: 12 in all. */
    public static final int RATIO_PRECISION = 12;

    /** The decimals of a stored ratio: 6 (a ten-thousandth of a percent). */
    public static final int RATIO_SCALE = 6;

    /** The largest magnitude of a stored ratio: 999,999.999999. */
    public static final BigDecimal MAX_RATIO = BigDecimal.TEN.pow(RATIO_PRECISION - RATIO_SCALE)
            .subtract(BigDecimal.ONE.movePointLeft(RATIO_SCALE));

    /** The digits of a stored maximum discount, a fraction in [0, 1], as SQL {@code NUMERIC(13, 12)}: 13 in all. */
    public static final int DISCOUNT_PRECISION = 13;

    /** The decimals of a stored maximum discount: 12. */
    public static final int DISCOUNT_SCALE = 12;

    /** The first year of a stored month ({@code CHAR(7)} text {@code YYYY-MM}): 1. */
    public static final int MIN_YEAR = Period.MIN_YEAR;

    /** The last year of a stored month: 9999. */
    public static final int MAX_YEAR = Period.MAX_YEAR;

    private Limits() {
    }

    /**
     * Returns {@code month}, or fails when it is null or outside the years {@value #MIN_YEAR} to
     * {@value #MAX_YEAR}, whose text {@code YYYY-MM} fits a {@code CHAR(7)} column.
     *
     * @param month the month to be stored
     * @param name the field's name for the message
     * @return {@code month}
     * @throws InvalidArgumentException naming {@code name} when the month is null or out of range
     */
    public static YearMonth month(YearMonth month, String name) {
        Require.nonNull(month, name);
        if (month.getYear() < MIN_YEAR || month.getYear() > MAX_YEAR) {
            throw new InvalidArgumentException(name, "must lie in the years " + MIN_YEAR + " to " + MAX_YEAR
                    + ", was " + month);
        }
        return month;
    }

    /**
     * Returns {@code value}, or fails when it is null, blank, longer than {@code maxLength}
     * UTF-16 code units or holds what a database cannot keep verbatim (see {@link #length}).
     *
     * @param value the text
     * @param name the field's name for the message
     * @param maxLength the bound, one of this class's lengths
     * @return {@code value}
     * @throws InvalidArgumentException naming {@code name} when the text is null, blank, too long or
     *     not storable
     */
    public static String text(String value, String name, int maxLength) {
        Require.nonBlank(value, name);
        return length(value, name, maxLength);
    }

    /**
     * Returns {@code value}, which may be empty or blank, or fails when it is null, longer than
     * {@code maxLength} UTF-16 code units, or holds the NUL character (PostgreSQL cannot store it) or
     * half a surrogate pair (no character; a database would replace it).
     *
     * @param value the text
     * @param name the field's name for the message
     * @param maxLength the bound, one of this class's lengths
     * @return {@code value}
     * @throws InvalidArgumentException naming {@code name} when the text is null, too long or not storable
     */
    public static String length(String value, String name, int maxLength) {
        Require.nonNull(value, name);
        if (value.length() <= maxLength) {
            storable(value, name);
        } else {
            boolean astral = value.codePointCount(0, value.length()) < value.length();
            throw new InvalidArgumentException(name, "must be at most " + maxLength + " characters, was "
                    + value.length() + (astral ? " (UTF-16 code units: a character beyond the Basic Multilingual"
                            + " Plane counts as two)" : ""));
        }
        return value;
    }

    /** Fails when the text holds what a database cannot keep verbatim: NUL, or half a surrogate pair. */
    private static void storable(String value, String name) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new InvalidArgumentException(name, "must not contain the NUL character (U+0000), at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidArgumentException(name, "holds half a surrogate pair at index " + i
                        + ", which is no character");
            }
        }
    }

    /**
     * Returns {@code money}, or fails when it is null or its magnitude exceeds {@link #MAX_MONEY},
     * so that it fits a {@code NUMERIC(19, 2)} column. (A {@link Money} is always at scale 2.)
     *
     * @param money the amount to be stored
     * @param name the field's name for the message
     * @return {@code money}
     * @throws InvalidArgumentException naming {@code name} when the amount is null or too large
     */
    public static Money money(Money money, String name) {
        Require.nonNull(money, name);
        if (money.amount().abs().compareTo(MAX_MONEY) > 0) {
            throw new InvalidArgumentException(name, "must be at most " + MAX_MONEY.toPlainString()
                    + " in magnitude, was " + money);
        }
        return money;
    }

    /**
     * A ratio at the stored scale: {@code value} with exactly {@link #RATIO_SCALE} decimals, so a
     * stored and reloaded ratio equals the one given ({@code 0.1} becomes {@code 0.100000}).
     *
     * @param value the ratio
     * @param name the field's name for the message
     * @return the ratio at scale {@link #RATIO_SCALE}
     * @throws InvalidArgumentException naming {@code name} when the ratio is null, has more than
     *     {@link #RATIO_SCALE} significant decimals (it is never rounded) or exceeds {@link #MAX_RATIO}
     *     in magnitude
     */
    public static BigDecimal ratio(BigDecimal value, String name) {
        return decimal(value, name, RATIO_SCALE, MAX_RATIO);
    }

    /**
     * Checks that a maximum discount fits {@code NUMERIC(13, 12)}: at most {@link #DISCOUNT_SCALE}
     * significant decimals (the caller checks that it lies in [0, 1]).
     *
     * @param value the fraction
     * @param name the field's name for the message
     * @return {@code value}, unchanged
     * @throws InvalidArgumentException naming {@code name} when it is null or has more decimals
     */
    public static BigDecimal discount(BigDecimal value, String name) {
        decimal(value, name, DISCOUNT_SCALE, BigDecimal.ONE);
        return value;
    }

    private static BigDecimal decimal(BigDecimal value, String name, int scale, BigDecimal max) {
        Require.nonNull(value, name);
        // the magnitude first: it is cheap whatever the exponent, and bounds the rescaling below
        if (value.abs().compareTo(max) > 0) {
            throw new InvalidArgumentException(name, "must be at most " + max.toPlainString()
                    + " in magnitude, was " + value);
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new InvalidArgumentException(name, "must have at most " + scale + " decimals, was " + value);
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
