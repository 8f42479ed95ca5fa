package dev.keyline.domain.priority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A key account's result in one period and segment, summed from its {@link AccountResultFact}s:
 * revenue, profit and the growth rate of revenue against the base period
 * ({@link GrowthBasis}).
 *
 * <p><b>Growth</b> is {@code (revenue − base revenue) / base revenue}, to six decimals (half-even).
 * It is <em>undefined</em> (empty) when the account has no facts in the base period or its base
 * revenue is not positive: a rate against nothing says nothing. The ranking scores an undefined
 * growth as the lowest growth of the population (see {@link Ranking}).
 *
 * @param account the account
 * @param industry its industry in the period (from the latest of its facts)
 * @param products the products it has results in, each once, in order of their codes
 * @param revenue the summed revenue
 * @param profit the summed profit
 * @param growth the growth rate, six decimals; empty when undefined
 */
public record AccountResult(AccountId account, Industry industry, List<ProductCode> products, Money revenue, Money profit,
        Optional<BigDecimal> growth) {

    /** The decimals of a growth rate. */
    public static final int GROWTH_SCALE = 6;

    /**
     * The most digits a growth rate has: a revenue of at most {@link Limits#MAX_MONEY} over a base of
     * at least a cent has at most 20 digits before the point, and six after; 32 leaves room.
     */
    public static final int GROWTH_PRECISION = 32;

    private static final Comparator<AccountResultFact> LATEST_LAST = Comparator.comparing(AccountResultFact::recordedAt)
            .thenComparing(f -> f.id().value());

    /**
     * Validates and copies the result.
     *
     * @param account the account
     * @param industry its industry in the period (from the latest of its facts)
     * @param products the products it has results in, each once, in order of their codes
     * @param revenue the summed revenue
     * @param profit the summed profit
     * @param growth the growth rate, six decimals; empty when undefined
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is
     *     null or holds null, a sum is larger than {@link Limits#MAX_MONEY}, or the profit's currency
     *     differs from the revenue's
     */
    public AccountResult {
        Require.nonNull(account, "account");
        Require.nonNull(industry, "industry");
        products = Require.nonNullElements(products, "products").stream().distinct()
                .sorted(Comparator.comparing(ProductCode::value)).toList();
        Limits.money(revenue, "revenue");
        Limits.money(profit, "profit");
        Require.that(revenue.currency().equals(profit.currency()), "profit", "must be in the revenue's currency");
        Require.nonNull(growth, "growth");
        growth = growth.map(g -> g.setScale(GROWTH_SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * Sums the facts of a period into one result per account, with growth against the facts of the
     * base period, counting only the facts the segment includes.
     *
     * @param current the facts of the period ranked, in any order
     * @param base the facts of the base period, in any order
     * @param segment the segment
     * @return one result per account with a fact in {@code current}, in order of account id
     * @throws dev.keyline.domain.common.InvalidArgumentException when an argument is null or holds
     *     null, the facts mix currencies, or an account's sum is larger than {@link Limits#MAX_MONEY}
     */
    public static List<AccountResult> summarise(List<AccountResultFact> current, List<AccountResultFact> base,
            Segment segment) {
        List<AccountResultFact> now = new ArrayList<>(Require.nonNullElements(current, "current"));
        List<AccountResultFact> before = Require.nonNullElements(base, "base");
        Require.nonNull(segment, "segment");
        now.sort(LATEST_LAST);
        Map<AccountId, Money> baseRevenue = new LinkedHashMap<>();
        for (AccountResultFact f : before) {
            if (segment.includes(f)) {
                baseRevenue.merge(f.account(), f.revenue(), Money::plus);
            }
        }
        Map<String, List<AccountResultFact>> byAccount = new TreeMap<>();
        for (AccountResultFact f : now) {
            if (segment.includes(f)) {
                byAccount.computeIfAbsent(f.account().value(), k -> new ArrayList<>()).add(f);
            }
        }
        List<AccountResult> results = new ArrayList<>(byAccount.size());
        for (List<AccountResultFact> facts : byAccount.values()) {
            AccountResultFact latest = facts.get(facts.size() - 1);
            Money revenue = facts.get(0).revenue().minus(facts.get(0).revenue());
            Money profit = revenue;
            Set<ProductCode> products = new TreeSet<>(Comparator.comparing(ProductCode::value));
            for (AccountResultFact f : facts) {
                revenue = revenue.plus(f.revenue());
                profit = profit.plus(f.profit());
                products.add(f.product());
            }
            Money was = baseRevenue.get(latest.account());
            Optional<BigDecimal> growth = was == null || !was.isPositive() ? Optional.empty()
                    : Optional.of(revenue.minus(was).amount().divide(was.amount(), GROWTH_SCALE, RoundingMode.HALF_EVEN));
            results.add(new AccountResult(latest.account(), latest.industry(), List.copyOf(products), revenue, profit, growth));
        }
        return List.copyOf(results);
    }
}
