package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A SHA-256 hash of the facts a period's KPIs were computed from, fed one fact at a time like a
 * {@link KpiComputation}, so that a recomputation over the same facts is recognisably the same:
 * the same facts give the same hash in any order, and a fact added, removed or changed gives
 * another.
 *
 * <p>The canonical form, version {@value #VERSION}: each fact is written as one line of UTF-8
 * text, its kind ({@code W}, {@code F}, {@code A}, {@code S}, {@code P}, {@code C}, {@code X} or
 * {@code B} for work orders, faults, accounts, forecasts, pools, CAPEX, acceptances and bills) and then its
 * components in declaration order, separated by the unit separator {@code U+001F}; an instant in
 * ISO-8601 UTC ({@link java.time.Instant#toString()}), a date or month in ISO-8601, an absent
 * optional as {@code -}, money as its plain amount with two decimals then its currency code.
 * Each line's SHA-256 digest, read as an unsigned 256-bit number, is added to a running sum
 * modulo 2<sup>256</sup> (so the order does not matter, and a fact fed twice counts twice). The
 * hash is the SHA-256 of the text {@code keyline-kpi-facts-v1}, the period, the zone id, the number
 * of facts and the sum as 64 hex digits, each on a line of its own.
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class KpiFactsDigest {

    /** The version of the canonical form, part of every hash. */
    public static final String VERSION = "keyline-kpi-facts-v1";

    private static final char SEPARATOR = '\u001f';
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final Period period;
    private final ZoneId zone;
    private final MessageDigest sha256;
    private BigInteger sum = BigInteger.ZERO;
    private long count;

    /**
     * A digest with no facts yet.
     *
     * @param period the period the facts are of
     * @param zone the zone of the period's boundaries
     * @throws InvalidArgumentException when an argument is null
     */
    public KpiFactsDigest(Period period, ZoneId zone) {
        this.period = Require.nonNull(period, "period");
        this.zone = Require.nonNull(zone, "zone");
        this.sha256 = newSha256();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private void line(char kind, Object... parts) {
        StringBuilder text = new StringBuilder().append(kind);
        for (Object part : parts) {
            text.append(SEPARATOR);
            if (part instanceof Optional<?> optional) {
                text.append(optional.map(Object::toString).orElse("-"));
            } else {
                text.append(part);
            }
        }
        byte[] digest = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        sum = sum.add(new BigInteger(1, digest)).mod(MODULUS);
        count++;
    }

    /**
     * Feeds a work order.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(WorkOrderFact fact) {
        Require.nonNull(fact, "fact");
        line('W', fact.id(), fact.committed(), fact.completed());
    }

    /**
     * Feeds a fault.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(FaultFact fact) {
        Require.nonNull(fact, "fact");
        line('F', fact.id(), fact.deadline(), fact.resolved());
    }

    /**
     * Feeds a key account.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(AccountFact fact) {
        Require.nonNull(fact, "fact");
        line('A', fact.id(), fact.keySince(), fact.leftOn());
    }

    /**
     * Feeds a forecast.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(ForecastFact fact) {
        Require.nonNull(fact, "fact");
        line('S', fact.product(), fact.month(), fact.agreed(), fact.actual());
    }

    /**
     * Feeds a resource pool.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(PoolFact fact) {
        Require.nonNull(fact, "fact");
        line('P', fact.id(), fact.capacity(), fact.allocated());
    }

    /**
     * Feeds CAPEX.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(CapexFact fact) {
        Require.nonNull(fact, "fact");
        line('C', fact.budget().amount().setScale(2).toPlainString(), fact.budget().currency().getCurrencyCode(),
                fact.actual().amount().setScale(2).toPlainString(), fact.linesInService());
    }

    /**
     * Feeds a bill.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(BillFact fact) {
        Require.nonNull(fact, "fact");
        line('B', fact.id(), fact.billed().amount().setScale(2).toPlainString(), fact.billed().currency().getCurrencyCode(),
                fact.billedOn(), fact.due(), fact.unpaid().amount().setScale(2).toPlainString());
    }

    /**
     * Feeds a project's acceptance.
     *
     * @param fact the fact
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(AcceptanceFact fact) {
        Require.nonNull(fact, "fact");
        line('X', fact.id(), fact.due(), fact.accepted());
    }

    /**
     * Adds the host's count of lines in service.
     *
     * @param fact the lines in service
     * @throws InvalidArgumentException when the fact is null
     */
    public void accept(LinesInServiceFact fact) {
        Require.nonNull(fact, "fact");
        line('L', fact.lines());
    }

    /**
     * How many facts were fed.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * The hash of the facts fed so far.
     *
     * @return 64 lower-case hex digits
     */
    public String hash() {
        String text = VERSION + "\n" + period + "\n" + zone.getId() + "\n" + count + "\n"
                + String.format(java.util.Locale.ROOT, "%064x", sum) + "\n";
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "KpiFactsDigest[" + period + " in " + zone + ", " + count + " facts]";
    }
}
