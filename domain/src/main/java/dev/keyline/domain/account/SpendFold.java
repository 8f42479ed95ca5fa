package dev.keyline.domain.account;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A streaming fold of billing's spend facts into each customer's average monthly spend: the
 * population-scale path to classification. Facts are taken one at a time and folded into a compact
 * {@link SpendTotals} (one entry per customer, integer cents); no more than one customer's facts
 * are held at once. The result is exactly what {@link SpendAverages#over(java.util.Collection, Set)}
 * gives on the same facts, corrections ({@link EffectiveSpend}) and rounding included, and the
 * rules classify it through {@link ClassificationRule#classify(NetworkAverages)}.
 *
 * <p><b>Order.</b> Facts ({@link #add(SpendFact)}) must come grouped by account: all facts of one
 * account one after another, in any order within the group (a query ordered by account gives
 * this). Each group is checked and its corrections resolved by the rules of
 * {@link EffectiveSpend} when the next account starts. An account whose facts come in two separate
 * groups is rejected. Plain amounts ({@link #add(AccountId, LocalNetworkId, YearMonth, long)}) are
 * original spend that nothing corrects, and may come in any order.
 *
 * <p><b>What is not checked across accounts.</b> Fact ids are checked for uniqueness within an
 * account's group, and a correction must name a fact of its own group: a correction naming a
 * fact of another account is reported as correcting an unknown fact. Storage keeps fact ids
 * unique, so this only matters for hand-made collections.
 *
 * <p>Every amount must be in the fold's currency. Not thread-safe.
 */
public final class SpendFold {

    /** Groups this small are checked for duplicate ids by comparing pairs instead of hashing. */
    private static final int SMALL_GROUP = 24;

    private final Set<YearMonth> window;
    private final Set<YearMonth> seen = new HashSet<>();
    private final SpendTotals totals;
    private final Set<AccountId> finished = new HashSet<>();
    private final List<SpendFact> group = new ArrayList<>();
    private AccountId current;
    private long rows;

    private SpendFold(Set<YearMonth> window, Currency currency) {
        this.window = window;
        this.totals = new SpendTotals(currency);
    }

    /**
     * A fold over a fixed assessment window, in CNY.
     *
     * @param window the months of the window, not empty; facts of other months are checked but not counted
     * @return the empty fold
     */
    public static SpendFold over(Set<YearMonth> window) {
        return over(window, Money.CNY);
    }

    /**
     * A fold over a fixed assessment window.
     *
     * @param window the months of the window, not empty (an {@link AssessmentWindow}'s
     *     {@link AssessmentWindow#months()}, for example)
     * @param currency the currency of every amount
     * @return the empty fold
     */
    public static SpendFold over(Set<YearMonth> window, Currency currency) {
        List<YearMonth> months = Require.nonNullElements(window, "window");
        Require.nonNull(currency, "currency");
        Require.that(!months.isEmpty(), "window", "must hold at least one month");
        return new SpendFold(Set.copyOf(months), currency);
    }

    /**
     * A fold whose window is every month that occurs in the facts, in CNY: every fact counts, and
     * each average divides by the number of distinct months seen.
     *
     * @return the empty fold
     */
    public static SpendFold overMonthsSeen() {
        return new SpendFold(null, Money.CNY);
    }

    /**
     * The averages of a stream of facts grouped by account, as {@link SpendAverages#byNetwork}.
     *
     * @param facts the facts, grouped by account
     * @param window the months of the window, not empty
     * @return per network (by code) its customers' averages, ranked
     */
    public static Map<LocalNetworkId, NetworkAverages> averages(Stream<SpendFact> facts, Set<YearMonth> window) {
        Require.nonNull(facts, "facts");
        SpendFold fold = over(window);
        facts.forEachOrdered(fold::add);
        return fold.averages();
    }

    /**
     * Folds one fact in.
     *
     * @param fact the fact; the facts of one account must come together
     * @return this fold
     * @throws InvalidArgumentException naming {@code facts} when the fact's account already had its
     *     group, the fact is in another currency, or the previous group breaks the rules of
     *     {@link EffectiveSpend}
     */
    public SpendFold add(SpendFact fact) {
        Require.nonNull(fact, "fact");
        if (!fact.account().equals(current)) {
            flush();
            if (!finished.add(fact.account())) {
                throw new InvalidArgumentException("facts", "the facts of account " + fact.account()
                        + " must come together, but fact " + fact.id() + " comes after facts of other accounts");
            }
            current = fact.account();
        }
        if (!fact.amount().currency().equals(totals.currency())) {
            throw new InvalidArgumentException("facts", "fact " + fact.id() + " is in " + fact.amount().currency()
                    + " but the spend is counted in " + totals.currency());
        }
        group.add(fact);
        rows++;
        return this;
    }

    /**
     * Folds in one original amount that nothing corrects (a spend-file row, say).
     *
     * @param account the customer
     * @param network its local network
     * @param month the month of the spend
     * @param amountCents the amount in cents of the fold's currency, not negative
     * @return this fold
     * @throws InvalidArgumentException naming {@code facts} when the customer is under another network
     */
    public SpendFold add(AccountId account, LocalNetworkId network, YearMonth month, long amountCents) {
        Require.nonNull(month, "month");
        Require.nonNegative(amountCents, "amountCents");
        count(account, network, month, amountCents);
        rows++;
        return this;
    }

    /** {@return the number of facts and amounts folded in so far} */
    public long rows() {
        return rows;
    }

    /**
     * Finishes the last group and gives the averages per network. Facts added afterwards are
     * folded on; a fact of an account already folded is rejected as a second group.
     *
     * @return per network with at least one customer with spend in the window, ordered by code,
     *     its customers' averages, ranked; empty when nothing was counted
     * @throws InvalidArgumentException naming {@code facts} when the last group breaks the rules
     */
    public Map<LocalNetworkId, NetworkAverages> averages() {
        flush();
        current = null; // facts of the last account after this would be a second group
        int months = window != null ? window.size() : seen.size();
        return months == 0 ? Map.of() : totals.averages(months);
    }

    private void count(AccountId account, LocalNetworkId network, YearMonth month, long amountCents) {
        if (window == null) {
            seen.add(month);
            totals.add(account, network, amountCents);
        } else if (window.contains(month)) {
            totals.add(account, network, amountCents);
        } else {
            totals.note(account, network);
        }
    }

    private void flush() {
        if (group.isEmpty()) {
            return;
        }
        if (needsChains()) {
            for (MonthlySpend spend : EffectiveSpend.of(group)) {
                count(spend.account(), spend.network(), spend.month(), cents(spend.amount()));
            }
            // months with only out-of-window facts still agree on the network (checked above)
        } else {
            for (SpendFact fact : distinct()) {
                count(fact.account(), fact.network(), fact.month(), cents(fact.amount()));
            }
        }
        group.clear();
    }

    /** Whether the group has a correction, so chains must be resolved. */
    private boolean needsChains() {
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).isCorrection()) {
                return true;
            }
        }
        return false;
    }

    /** The group without repeated identical facts; two different facts with one id are rejected. */
    private List<SpendFact> distinct() {
        List<SpendFact> result = new ArrayList<>(group.size());
        if (group.size() <= SMALL_GROUP) {
            outer:
            for (SpendFact fact : group) {
                for (SpendFact kept : result) {
                    if (kept.id().equals(fact.id())) {
                        sameOrReject(kept, fact);
                        continue outer;
                    }
                }
                result.add(fact);
            }
            return result;
        }
        Map<SpendFactId, SpendFact> byId = new HashMap<>();
        for (SpendFact fact : group) {
            SpendFact kept = byId.putIfAbsent(fact.id(), fact);
            if (kept == null) {
                result.add(fact);
            } else {
                sameOrReject(kept, fact);
            }
        }
        return result;
    }

    private static void sameOrReject(SpendFact kept, SpendFact fact) {
        if (!kept.equals(fact)) {
            throw new InvalidArgumentException("facts", "two different facts share the id " + fact.id());
        }
    }

    private static long cents(Money amount) {
        try {
            return amount.amount().unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException("facts", "the amount " + amount + " exceeds " + Long.MAX_VALUE + " cents");
        }
    }
}
