package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.keyline.domain.common.LocalNetworkId;

/** Checks and ranks the averages given to a {@link ClassificationRule}. */
final class ClassificationInputs {

    private ClassificationInputs() {
    }

    /** The customers, validated, in ranking order (average descending, then id ascending). */
    static List<RankedAccount> ranked(LocalNetworkId network, Map<AccountId, Money> averages) {
        Require.nonNull(network, "network");
        Require.nonNull(averages, "averageMonthlySpend");
        List<RankedAccount> ranked = new ArrayList<>(averages.size());
        averages.forEach((account, average) -> {
            Require.nonNull(account, "averageMonthlySpend key");
            Require.nonNull(average, "averageMonthlySpend", account);
            ranked.add(new RankedAccount(account, average));
        });
        ranked.sort(RankedAccount.RANKING);
        return ranked;
    }
}
