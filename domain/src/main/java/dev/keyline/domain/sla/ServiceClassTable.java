package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The host's service classes: the terms of each of A–E and the share of a limit at which an SLA
 * warns that a class is nearly used up. {@link #seedDefaults()} is the seed's table:
 *
 * <table>
 *   <caption>the seed's service classes</caption>
 *   <tr><th>class</th><th>days</th><th>price index</th><th>limit</th></tr>
 *   <tr><td>A</td><td>2</td><td>2.0×</td><td>1 per calendar month</td></tr>
 *   <tr><td>B</td><td>4</td><td>1.4×</td><td>10 per SLA period</td></tr>
 *   <tr><td>C</td><td>6</td><td>1.0×</td><td>20 per SLA period</td></tr>
 *   <tr><td>D</td><td>8</td><td>0.9×</td><td>unlimited</td></tr>
 *   <tr><td>E</td><td>10</td><td>0.8×</td><td>unlimited</td></tr>
 * </table>
 *
 * <p>Immutable; {@link #with(ServiceClassTerms)} and {@link #withNearlyReachedShare(BigDecimal)}
 * return changed copies.
 */
public final class ServiceClassTable {

    /** The default share of a limit at which the SLA warns: 0.8. */
    public static final BigDecimal DEFAULT_NEARLY_REACHED_SHARE = new BigDecimal("0.8");

    private final Map<ServiceClass, ServiceClassTerms> terms;
    private final BigDecimal nearlyReachedShare;

    private ServiceClassTable(Map<ServiceClass, ServiceClassTerms> terms, BigDecimal nearlyReachedShare) {
        this.terms = terms;
        this.nearlyReachedShare = nearlyReachedShare;
    }

    /**
     * The seed's table, warning at {@link #DEFAULT_NEARLY_REACHED_SHARE} of a limit.
     *
     * @return the table
     */
    public static ServiceClassTable seedDefaults() {
        Map<ServiceClass, ServiceClassTerms> seed = new EnumMap<>(ServiceClass.class);
        seed.put(ServiceClass.A, new ServiceClassTerms(ServiceClass.A, 2, new BigDecimal("2.0"), LimitWindow.CALENDAR_MONTH, 1));
        seed.put(ServiceClass.B, new ServiceClassTerms(ServiceClass.B, 4, new BigDecimal("1.4"), LimitWindow.SLA_PERIOD, 10));
        seed.put(ServiceClass.C, new ServiceClassTerms(ServiceClass.C, 6, new BigDecimal("1.0"), LimitWindow.SLA_PERIOD, 20));
        seed.put(ServiceClass.D, ServiceClassTerms.unlimited(ServiceClass.D, 8, new BigDecimal("0.9")));
        seed.put(ServiceClass.E, ServiceClassTerms.unlimited(ServiceClass.E, 10, new BigDecimal("0.8")));
        return new ServiceClassTable(seed, DEFAULT_NEARLY_REACHED_SHARE);
    }

    /**
     * This table with one class's terms replaced.
     *
     * @param classTerms the class's new terms
     * @return a new table
     * @throws InvalidArgumentException when {@code classTerms} is null
     */
    public ServiceClassTable with(ServiceClassTerms classTerms) {
        Require.nonNull(classTerms, "classTerms");
        Map<ServiceClass, ServiceClassTerms> changed = new EnumMap<>(terms);
        changed.put(classTerms.serviceClass(), classTerms);
        return new ServiceClassTable(changed, nearlyReachedShare);
    }

    /**
     * This table warning at another share of a limit.
     *
     * @param share above 0 and at most 1, for example 0.8
     * @return a new table
     * @throws InvalidArgumentException when the share is null or out of range
     */
    public ServiceClassTable withNearlyReachedShare(BigDecimal share) {
        Require.nonNull(share, "share");
        Require.that(share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0, "share",
                () -> "must be above 0 and at most 1 but was " + share.toPlainString());
        return new ServiceClassTable(terms, share);
    }

    /**
     * The terms of a class.
     *
     * @param serviceClass the class
     * @return its terms
     * @throws InvalidArgumentException when {@code serviceClass} is null
     */
    public ServiceClassTerms terms(ServiceClass serviceClass) {
        return terms.get(Require.nonNull(serviceClass, "serviceClass"));
    }

    /**
     * Every class's terms, A to E.
     *
     * @return the terms
     */
    public List<ServiceClassTerms> all() {
        return List.copyOf(terms.values());
    }

    /**
     * The share of a limit at which the SLA warns.
     *
     * @return the share
     */
    public BigDecimal nearlyReachedShare() {
        return nearlyReachedShare;
    }

    /**
     * How many orders of a limited class in one window make it "nearly reached": the share of the
     * limit, rounded up, and at least 1.
     *
     * @param serviceClass a class
     * @return the count that triggers the warning, or 0 for an unlimited class
     * @throws InvalidArgumentException when {@code serviceClass} is null
     */
    public int nearlyReachedAt(ServiceClass serviceClass) {
        ServiceClassTerms t = terms(serviceClass);
        if (!t.isLimited()) {
            return 0;
        }
        int at = nearlyReachedShare.multiply(BigDecimal.valueOf(t.limit())).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.max(1, at);
    }

    @Override
    public String toString() {
        return "ServiceClassTable" + terms.values() + " warning at " + nearlyReachedShare.toPlainString();
    }
}
