package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The revenue-share rule for existing key accounts (大客户认定: 占本地网收入30%的客户): the key
 * accounts are the customers whose spend makes up {@code share} of the local network's revenue.
 *
 * <p><b>Precise rule.</b> Sort the customers by average monthly spend, descending. The key
 * accounts are the shortest prefix whose cumulative spend is ≥ {@code share} × the total spend of
 * all customers of the network; every customer whose spend equals the last included customer's
 * spend is included too (ties are never split). The threshold (the monthly minimum, 月消费门槛) is
 * the last included customer's spend. Customers with zero spend are never key accounts. When the
 * total is zero nobody qualifies and the threshold is empty. The comparison is exact (no rounding
 * of {@code share} × total).
 *
 * @param share the share of the network's revenue, in (0, 1]; the seed's default is 0.30
 */
public record RevenueShareRule(BigDecimal share) implements ClassificationRule {

    /** The rule's name. */
    public static final String NAME = "share";

    /** The seed's default share, 30 %. */
    public static final BigDecimal STANDARD_SHARE = new BigDecimal("0.30");

    /**
     * Validates the share.
     *
     * @param share the share of the network's revenue, in (0, 1]; the seed's default is 0.30
     */
    public RevenueShareRule {
        Require.nonNull(share, "share");
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidArgumentException("share", "must be in (0, 1], was " + share.toPlainString());
        }
    }

    /** {@return the rule with the seed's share of 30 %} */
    public static RevenueShareRule standard() {
        return new RevenueShareRule(STANDARD_SHARE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Classification classify(LocalNetworkId network, Map<AccountId, Money> averageMonthlySpend) {
        List<RankedAccount> ranked = ClassificationInputs.ranked(network, averageMonthlySpend);
        BigDecimal total = BigDecimal.ZERO;
        for (RankedAccount r : ranked) {
            total = total.add(r.averageMonthlySpend().amount());
        }
        if (total.signum() == 0) {
            return new Classification(network, NAME, Optional.empty(), List.of());
        }
        BigDecimal target = share.multiply(total);
        BigDecimal cumulative = BigDecimal.ZERO;
        int last = -1;
        for (int i = 0; i < ranked.size(); i++) {
            cumulative = cumulative.add(ranked.get(i).averageMonthlySpend().amount());
            if (cumulative.compareTo(target) >= 0) {
                last = i;
                break;
            }
        }
        // share ≤ 1 and total > 0, so the whole list always reaches the target
        Money threshold = ranked.get(last).averageMonthlySpend();
        int end = last + 1;
        while (end < ranked.size() && ranked.get(end).averageMonthlySpend().compareTo(threshold) == 0) {
            end++;
        }
        return new Classification(network, NAME, Optional.of(threshold), ranked.subList(0, end));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Works in integer cents: cumulative ≥ share × total exactly when cumulative ≥ the
     * ceiling of share × total, as cumulative is a whole number of cents.
     */
    @Override
    public Classification classify(NetworkAverages averages) {
        Require.nonNull(averages, "averages");
        long total = 0;
        for (int i = 0; i < averages.size(); i++) {
            total += averages.averageCents(i);
            if (total < 0) {
                // beyond a long of cents: the exact decimal path gives the same answer, slowly
                return classify(averages.network(), averages.asMap());
            }
        }
        if (total == 0) {
            return new Classification(averages.network(), NAME, Optional.empty(), List.of());
        }
        long target = share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).longValueExact();
        long cumulative = 0;
        int last = 0;
        while (true) {
            cumulative += averages.averageCents(last);
            if (cumulative >= target) {
                break;
            }
            last++;
        }
        long threshold = averages.averageCents(last);
        int end = last + 1;
        while (end < averages.size() && averages.averageCents(end) == threshold) {
            end++;
        }
        List<RankedAccount> keyAccounts = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            keyAccounts.add(averages.ranked(i));
        }
        return new Classification(averages.network(), NAME, Optional.of(averages.average(last)), keyAccounts);
    }
}
