package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * Average monthly telecom spend (月均通信消费) per key account over an assessment window, the input
 * of key-account classification (大客户认定).
 *
 * <p><b>Rule.</b> average = (sum of the account's effective spend over the months of the window) /
 * (number of months in the window), rounded half-even to the cent. A month of the window without
 * spend counts 0. Accounts with no fact in any month of the window are absent from the result.
 */
public final class SpendAverages {

    private SpendAverages() {
    }

    /**
     * The average monthly spend per account over {@code window}, from billing's facts (corrections
     * applied by {@link EffectiveSpend}).
     *
     * @param facts the facts; facts outside the window are ignored (but still checked)
     * @param window the months of the assessment window, not empty
     * @return the averages, ordered by account id
     */
    public static Map<AccountId, Money> over(Collection<SpendFact> facts, Set<YearMonth> window) {
        Set<YearMonth> months = checkWindow(window);
        Map<AccountId, Money> totals = totalsOver(EffectiveSpend.of(facts), months);
        return over(totals, months.size());
    }

    /**
     * The averages from plain totals over a window of {@code months} months.
     *
     * @param totals each account's total spend over the window, not negative
     * @param months the number of months in the window, positive
     * @return total / months per account, half-even to the cent, ordered by account id
     */
    public static Map<AccountId, Money> over(Map<AccountId, Money> totals, int months) {
        Require.nonNull(totals, "totals");
        Require.positive(months, "months");
        Map<AccountId, Money> sorted = new TreeMap<>(Comparator.comparing(AccountId::value));
        totals.forEach((account, total) -> {
            Require.nonNull(account, "totals key");
            Require.nonNull(total, "totals", account);
            Require.nonNegative(total.amount(), "totals", account);
            sorted.put(account, total.dividedBy(months));
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /**
     * The averages per local network, for classifying every network in one pass.
     *
     * @param facts the facts
     * @param window the months of the window, not empty
     * @return per network (ordered by code) the averages of its accounts (ordered by account id)
     */
    public static Map<LocalNetworkId, Map<AccountId, Money>> byNetwork(Collection<SpendFact> facts, Set<YearMonth> window) {
        Set<YearMonth> months = checkWindow(window);
        List<MonthlySpend> spend = EffectiveSpend.of(facts);
        Map<LocalNetworkId, Map<AccountId, Money>> totals = new TreeMap<>(Comparator.comparing(LocalNetworkId::value));
        for (MonthlySpend s : spend) {
            if (months.contains(s.month())) {
                totals.computeIfAbsent(s.network(), n -> new LinkedHashMap<>()).merge(s.account(), s.amount(), Money::plus);
            }
        }
        Map<LocalNetworkId, Map<AccountId, Money>> result = new LinkedHashMap<>();
        totals.forEach((network, accounts) -> result.put(network, over(accounts, months.size())));
        return Collections.unmodifiableMap(result);
    }

    private static Map<AccountId, Money> totalsOver(List<MonthlySpend> spend, Set<YearMonth> months) {
        Map<AccountId, Money> totals = new LinkedHashMap<>();
        for (MonthlySpend s : spend) {
            if (months.contains(s.month())) {
                totals.merge(s.account(), s.amount(), Money::plus);
            }
        }
        return totals;
    }

    private static Set<YearMonth> checkWindow(Set<YearMonth> window) {
        List<YearMonth> months = Require.nonNullElements(window, "window");
        Require.that(!months.isEmpty(), "window", "must hold at least one month");
        return Set.copyOf(months);
    }
}
