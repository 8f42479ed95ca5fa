package dev.keyline.domain.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency (金额): a {@link BigDecimal} always held at scale 2 (cents,
 * 分) and rounded half-even (banker's rounding) whenever a computation yields more digits.
 * The currency defaults to CNY.
 *
 * <p>There is deliberately no way to build a {@code Money} from a {@code double}. Arithmetic that
 * mixes currencies fails with an {@link InvalidArgumentException} naming both currencies; there
 * is no implicit conversion. The scale is 2 for every currency, whatever its customary number
 * of minor-unit digits.
 *
 * <p>Splitting an amount (for example a product's cost across departments by agreed volume
 * share) goes through {@link #allocate(List)}, whose parts always sum to the whole to the cent.
 *
 * @param amount the amount, normalised to scale 2 with half-even rounding
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The scale every amount is held at: two decimal places (cents). */
    public static final int SCALE = 2;

    /** The rounding every computation uses: half-even (banker's rounding). */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    /** The most parts {@link #allocate(int)} splits into, so a wild count fails cleanly instead of exhausting memory. */
    public static final int MAX_PARTS = 1_000_000;

    /** The default currency, Chinese yuan (人民币). */
    public static final Currency CNY = Currency.getInstance("CNY");

    private static final Pattern TEXT = Pattern.compile("([+-]?\\d+(?:\\.(\\d+))?)(?: ([A-Z]{3}))?");

    /**
     * Validates the parts and normalises the amount to scale 2, rounding half-even.
     *
     * @param amount the amount, normalised to scale 2 with half-even rounding
     * @param currency the currency
     * @throws InvalidArgumentException when {@code amount} or {@code currency} is null
     */
    public Money {
        Require.nonNull(amount, "amount");
        Require.nonNull(currency, "currency");
        amount = amount.setScale(SCALE, ROUNDING);
    }

    /**
     * An amount in the given currency, rounded half-even to the cent.
     *
     * @param amount the amount
     * @param currency the currency
     * @return the money
     * @throws InvalidArgumentException when an argument is null
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * An amount in CNY, rounded half-even to the cent.
     *
     * @param amount the amount
     * @return the money
     * @throws InvalidArgumentException when {@code amount} is null
     */
    public static Money cny(BigDecimal amount) {
        return new Money(amount, CNY);
    }

    /**
     * An amount in CNY from its decimal text, for example {@code "12.30"}; same rules as
     * {@link #parse(String)}, so at most two decimals.
     *
     * @param amount the decimal text
     * @return the money
     * @throws InvalidArgumentException when the text is null, malformed or has more than two decimals
     */
    public static Money cny(String amount) {
        Money parsed = parse(amount);
        if (!parsed.currency.equals(CNY)) {
            throw new InvalidArgumentException("amount", "expected a CNY amount but was '" + amount + "'");
        }
        return parsed;
    }

    /**
     * An amount from a whole number of cents (minor units), for example {@code ofCents(1230, CNY)}
     * is 12.30 CNY.
     *
     * @param cents the amount in hundredths of the currency unit
     * @param currency the currency
     * @return the money
     * @throws InvalidArgumentException when {@code currency} is null
     */
    public static Money ofCents(long cents, Currency currency) {
        return new Money(BigDecimal.valueOf(cents, SCALE), currency);
    }

    /**
     * Zero CNY.
     *
     * @return 0.00 CNY
     */
    public static Money zero() {
        return zero(CNY);
    }

    /**
     * Zero in the given currency.
     *
     * @param currency the currency
     * @return 0.00 in {@code currency}
     * @throws InvalidArgumentException when {@code currency} is null
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Parses a plain decimal amount with at most two decimals, optionally followed by a space and
     * an ISO 4217 currency code: {@code "12.30"} (CNY), {@code "-5"}, {@code "12.30 USD"}. The form
     * {@link #toString()} produces is accepted, so {@code parse(m.toString())} equals {@code m}.
     * Exponents, grouping separators and surrounding blanks are rejected.
     *
     * @param text the text
     * @return the money
     * @throws InvalidArgumentException naming {@code amount} when the text is null, malformed, has
     *     more than two decimals or names an unknown currency
     */
    public static Money parse(String text) {
        Require.nonBlank(text, "amount");
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new InvalidArgumentException("amount", "not a decimal amount with an optional currency code: '" + text + "'");
        }
        String decimals = m.group(2);
        if (decimals != null && decimals.length() > SCALE) {
            throw new InvalidArgumentException("amount", "must have at most 2 decimals but was '" + text + "'");
        }
        Currency currency = CNY;
        if (m.group(3) != null) {
            try {
                currency = Currency.getInstance(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("amount", "unknown currency code '" + m.group(3) + "' in '" + text + "'");
            }
        }
        return new Money(new BigDecimal(m.group(1)), currency);
    }

    /**
     * Sums amounts of one currency; an empty collection sums to zero.
     *
     * @param amounts the amounts, all in {@code currency}
     * @param currency the currency of the amounts and of the result
     * @return the total
     * @throws InvalidArgumentException when an argument or element is null or an element is in
     *     another currency
     */
    public static Money sum(Collection<Money> amounts, Currency currency) {
        List<Money> list = Require.nonNullElements(amounts, "amounts");
        Require.nonNull(currency, "currency");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            Money m = list.get(i);
            if (!m.currency.equals(currency)) {
                throw new InvalidArgumentException("amounts[" + i + "]",
                        "currency " + m.currency.getCurrencyCode() + " does not match " + currency.getCurrencyCode());
            }
            total = total.add(m.amount);
        }
        return new Money(total, currency);
    }

    /**
     * This amount plus another of the same currency.
     *
     * @param other the amount to add
     * @return the sum
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    public Money plus(Money other) {
        requireSameCurrency(other, "other");
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * This amount minus another of the same currency.
     *
     * @param other the amount to subtract
     * @return the difference
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    public Money minus(Money other) {
        requireSameCurrency(other, "other");
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * The amount with its sign flipped.
     *
     * @return {@code -this}
     */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * The absolute amount.
     *
     * @return {@code |this|}
     */
    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    /**
     * This amount multiplied by a factor (a price index, a share, a rate), rounded half-even to
     * the cent.
     *
     * @param factor the factor
     * @return the product
     * @throws InvalidArgumentException when {@code factor} is null
     */
    public Money times(BigDecimal factor) {
        Require.nonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    /**
     * This amount multiplied by a whole number (a count of units); exact.
     *
     * @param factor the factor
     * @return the product
     */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * This amount divided by a whole number, rounded half-even to the cent. To split an amount so
     * that the parts add up to it, use {@link #allocate(int)} instead.
     *
     * @param divisor the divisor, not zero
     * @return the quotient
     * @throws InvalidArgumentException when {@code divisor} is zero
     */
    public Money dividedBy(long divisor) {
        Require.that(divisor != 0, "divisor", "must not be zero");
        return new Money(amount.divide(BigDecimal.valueOf(divisor), SCALE, ROUNDING), currency);
    }

    /**
     * Whether the amount is zero.
     *
     * @return true for 0.00
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Whether the amount is above zero.
     *
     * @return true for amounts of at least 0.01
     */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Whether the amount is below zero.
     *
     * @return true for amounts of at most -0.01
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * The sign of the amount.
     *
     * @return -1, 0 or 1
     */
    public int signum() {
        return amount.signum();
    }

    /**
     * Compares amounts of the same currency by value.
     *
     * @param other an amount in the same currency
     * @return negative, zero or positive as this amount is less than, equal to or greater than {@code other}
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "other");
        return amount.compareTo(other.amount);
    }

    /**
     * Whether this amount is greater than another of the same currency.
     *
     * @param other an amount in the same currency
     * @return true when {@code this > other}
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Whether this amount is less than another of the same currency.
     *
     * @param other an amount in the same currency
     * @return true when {@code this < other}
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * The smaller of this amount and another of the same currency.
     *
     * @param other an amount in the same currency
     * @return the smaller amount ({@code this} when equal)
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * The greater of this amount and another of the same currency.
     *
     * @param other an amount in the same currency
     * @return the greater amount ({@code this} when equal)
     * @throws InvalidArgumentException when {@code other} is null or in another currency
     */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Splits this amount into {@code parts} parts that differ by at most one cent and sum exactly
     * to it; the leftover cents go to the first parts.
     *
     * @param parts how many parts, at least 1 and at most {@link #MAX_PARTS}
     * @return the parts, in order
     * @throws InvalidArgumentException when {@code parts} is not positive or above {@link #MAX_PARTS}
     */
    public List<Money> allocate(int parts) {
        Require.positive(parts, "parts");
        Require.that(parts <= MAX_PARTS, "parts", () -> "must be at most " + MAX_PARTS + ", was " + parts);
        // the largest-remainder method of allocate(weights) with equal weights, worked out: every
        // exact share has the same remainder, so each part gets the quotient in cents and the
        // first (cents mod parts) parts one cent more (a budget phases its lines this way at every
        // booking, so the general method's sort and big-integer work are skipped here)
        BigInteger[] qr = amount.unscaledValue().abs().divideAndRemainder(BigInteger.valueOf(parts));
        int leftover = qr[1].intValueExact();
        boolean negative = amount.signum() < 0;
        Money low = new Money(new BigDecimal(negative ? qr[0].negate() : qr[0], SCALE), currency);
        Money high = leftover == 0 ? low
                : new Money(new BigDecimal(negative ? qr[0].add(BigInteger.ONE).negate() : qr[0].add(BigInteger.ONE), SCALE),
                        currency);
        Money[] result = new Money[parts];
        for (int i = 0; i < parts; i++) {
            result[i] = i < leftover ? high : low;
        }
        return List.of(result);
    }

    /**
     * Splits this amount in proportion to the weights so that the parts sum exactly to it, to the
     * cent, by the largest-remainder method: each part first gets its exact share rounded toward
     * zero to the cent; the cents left over go, one each, to the parts whose exact shares had the
     * largest remainders. Ties among equal remainders go to the part with the lowest index, so the
     * result is deterministic. A part with weight zero gets zero. A negative amount is split as its
     * absolute value and every part negated, so {@code m.negate().allocate(w)} is the negation of
     * {@code m.allocate(w)}.
     *
     * <p>For example 100.00 split by weights 1, 1, 1 gives 33.34, 33.33, 33.33, and 0.05 split by
     * 10 %, 10 %, 80 % gives 0.01, 0.00, 0.04.
     *
     * @param weights the non-negative weights, at least one, with a positive sum
     * @return one part per weight, in the order of the weights
     * @throws InvalidArgumentException when {@code weights} is null or empty, holds a null or
     *     negative weight, or sums to zero
     */
    public List<Money> allocate(List<BigDecimal> weights) {
        List<BigDecimal> ws = Require.nonNullElements(weights, "weights");
        Require.that(!ws.isEmpty(), "weights", "must hold at least one weight");
        int scale = 0;
        for (int i = 0; i < ws.size(); i++) {
            BigDecimal weight = ws.get(i);
            Require.nonNegative(weight, "weights", i);
            scale = Math.max(scale, weight.scale());
        }
        // Scale every weight to a common scale so that the shares are exact integer ratios.
        BigInteger[] units = new BigInteger[ws.size()];
        BigInteger totalWeight = BigInteger.ZERO;
        for (int i = 0; i < ws.size(); i++) {
            units[i] = ws.get(i).setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
            totalWeight = totalWeight.add(units[i]);
        }
        Require.that(totalWeight.signum() > 0, "weights", "must have a positive sum but all were zero");

        BigInteger cents = amount.unscaledValue().abs();
        BigInteger[] shares = new BigInteger[ws.size()];
        BigInteger[] remainders = new BigInteger[ws.size()];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < ws.size(); i++) {
            BigInteger[] qr = cents.multiply(units[i]).divideAndRemainder(totalWeight);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            allocated = allocated.add(qr[0]);
        }
        // Fewer leftover cents than parts with a non-zero remainder, so zero weights never get one.
        int leftover = cents.subtract(allocated).intValueExact();
        List<Integer> order = new ArrayList<>(ws.size());
        for (int i = 0; i < ws.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < leftover; k++) {
            int i = order.get(k);
            shares[i] = shares[i].add(BigInteger.ONE);
        }
        boolean negative = amount.signum() < 0;
        List<Money> parts = new ArrayList<>(ws.size());
        for (BigInteger share : shares) {
            parts.add(new Money(new BigDecimal(negative ? share.negate() : share, SCALE), currency));
        }
        return List.copyOf(parts);
    }

    /**
     * The amount and currency code, for example {@code "12.30 CNY"}; {@link #parse(String)} reads
     * it back. Use {@code amount().toPlainString()} for the bare number.
     */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other, String name) {
        Require.nonNull(other, name);
        if (!currency.equals(other.currency)) {
            throw new InvalidArgumentException(name, "currency " + other.currency.getCurrencyCode()
                    + " does not match " + currency.getCurrencyCode() + " (" + other + " vs " + this + ")");
        }
    }
}
