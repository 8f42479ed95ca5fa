package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The absolute-threshold rule for existing key accounts (大客户月消费门槛): a local network sets a
 * monthly minimum spend, and the key accounts are the customers whose average monthly spend is at
 * least that minimum. The seed's examples (Suzhou 5,000 CNY, Kunming 10,000 CNY a month) are in
 * {@link SeedMinimums}.
 *
 * @param minimum the monthly minimum, positive; it is also the classification's threshold
 */
public record MonthlyMinimumRule(Money minimum) implements ClassificationRule {

    /** The rule's name. */
    public static final String NAME = "minimum";

    /**
     * Validates the minimum.
     *
     * @param minimum the monthly minimum, positive; it is also the classification's threshold
     */
    public MonthlyMinimumRule {
        Require.nonNull(minimum, "minimum");
        Require.that(minimum.amount().signum() > 0, "minimum", () -> "must be positive, was " + minimum.amount().toPlainString());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Classification classify(LocalNetworkId network, Map<AccountId, Money> averageMonthlySpend) {
        List<RankedAccount> keyAccounts = ClassificationInputs.ranked(network, averageMonthlySpend).stream()
                .filter(r -> r.averageMonthlySpend().compareTo(minimum) >= 0)
                .collect(Collectors.toList());
        return new Classification(network, NAME, Optional.of(minimum), keyAccounts);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the ranking only down to the first customer below the minimum.
     */
    @Override
    public Classification classify(NetworkAverages averages) {
        Require.nonNull(averages, "averages");
        if (!averages.currency().equals(minimum.currency()) || minimum.amount().unscaledValue().bitLength() > 63) {
            // mixed currencies or a minimum beyond a long of cents: the map path, exactly as it always was
            return classify(averages.network(), averages.asMap());
        }
        long minimumCents = minimum.amount().unscaledValue().longValueExact();
        List<RankedAccount> keyAccounts = new ArrayList<>();
        for (int i = 0; i < averages.size() && averages.averageCents(i) >= minimumCents; i++) {
            keyAccounts.add(averages.ranked(i));
        }
        return new Classification(averages.network(), NAME, Optional.of(minimum), keyAccounts);
    }
}
