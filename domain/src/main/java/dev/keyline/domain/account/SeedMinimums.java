package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The seed's examples of a monthly minimum spend for key accounts (大客户月消费门槛): Suzhou
 * (苏州, network {@code SZ}) 5,000 CNY a month and Kunming (昆明, network {@code KM}) 10,000 CNY a
 * month. They are examples the host may adopt, not rules built into {@link MonthlyMinimumRule}.
 */
public final class SeedMinimums {

    /** Suzhou (苏州). */
    public static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");

    /** Kunming (昆明). */
    public static final LocalNetworkId KUNMING = new LocalNetworkId("KM");

    private static final Map<LocalNetworkId, MonthlyMinimumRule> RULES;

    static {
        Map<LocalNetworkId, MonthlyMinimumRule> rules = new LinkedHashMap<>();
        rules.put(SUZHOU, new MonthlyMinimumRule(Money.cny("5000.00")));
        rules.put(KUNMING, new MonthlyMinimumRule(Money.cny("10000.00")));
        RULES = Collections.unmodifiableMap(rules);
    }

    private SeedMinimums() {
    }

    /**
     * Suzhou's example: 5,000 CNY a month.
     *
     * @return Suzhou's minimum
     */
    public static MonthlyMinimumRule suzhou() {
        return RULES.get(SUZHOU);
    }

    /**
     * Kunming's example: 10,000 CNY a month.
     *
     * @return Kunming's minimum
     */
    public static MonthlyMinimumRule kunming() {
        return RULES.get(KUNMING);
    }

    /** {@return every example, by network} */
    public static Map<LocalNetworkId, MonthlyMinimumRule> all() {
        return RULES;
    }

    /**
     * The example for a network.
     *
     * @param network the network
     * @return its rule
     * @throws NotFoundException when the seed gives no example for it
     */
    public static MonthlyMinimumRule of(LocalNetworkId network) {
        Require.nonNull(network, "network");
        MonthlyMinimumRule rule = RULES.get(network);
        if (rule == null) {
            throw new NotFoundException("the seed gives no monthly minimum for network " + network);
        }
        return rule;
    }
}
