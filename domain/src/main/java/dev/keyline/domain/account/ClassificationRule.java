package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import java.util.Map;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A rule that draws a local network's key-account list (大客户认定标准) from its customers'
 * average monthly spend: {@link RevenueShareRule} (the customers making up a share of the
 * network's revenue) or {@link MonthlyMinimumRule} (an absolute monthly minimum).
 */
public interface ClassificationRule {

    /**
     * Draws the key-account list of one network.
     *
     * @param network the local network
     * @param averageMonthlySpend every customer's average monthly spend, not negative
     * @return the key accounts, ranked, with the monthly minimum that applied
     */
    Classification classify(LocalNetworkId network, Map<AccountId, Money> averageMonthlySpend);

    /**
     * Draws the key-account list of one network from compact, ranked averages (from a
     * {@link SpendFold}, say). The result is the same as {@link #classify(LocalNetworkId, Map)}
     * gives on the same averages; the rules of this package override it to work over the ranking
     * directly instead of building a map.
     *
     * @param averages the network's customers with their averages, ranked
     * @return the key accounts, ranked, with the monthly minimum that applied
     */
    default Classification classify(NetworkAverages averages) {
        return classify(averages.network(), averages.asMap());
    }

    /** {@return the rule's stable name, recorded in tier changes and classification results} */
    String name();
}
