package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The key-account list (大客户名单) a classification rule drew for one local network.
 *
 * <p>The key accounts are held in ranking order (average descending, then account id ascending)
 * whatever order they were given in. Invariants: no account twice; when there are key accounts
 * there is a threshold and every key account's average is at least the threshold.
 *
 * @param network the local network
 * @param rule the name of the rule that drew it
 * @param threshold the monthly minimum that applied (月消费门槛), empty when nobody qualifies under
 *     the share rule
 * @param keyAccounts the key accounts, ranked
 */
public record Classification(LocalNetworkId network, String rule, Optional<Money> threshold,
        List<RankedAccount> keyAccounts) {

    /**
     * Validates and orders the list.
     *
     * @param network the local network
     * @param rule the name of the rule that drew it
     * @param threshold the monthly minimum that applied (月消费门槛), empty when nobody qualifies under the share rule
     * @param keyAccounts the key accounts, ranked
     */
    public Classification {
        Require.nonNull(network, "network");
        Require.nonBlank(rule, "rule");
        Require.nonNull(threshold, "threshold");
        List<RankedAccount> ranked = new ArrayList<>(Require.nonNullElements(keyAccounts, "keyAccounts"));
        ranked.sort(RankedAccount.RANKING);
        Set<AccountId> seen = new HashSet<>();
        for (RankedAccount r : ranked) {
            if (!seen.add(r.account())) {
                throw new InvalidArgumentException("keyAccounts", "account " + r.account() + " appears twice");
            }
            if (threshold.isPresent() && r.averageMonthlySpend().compareTo(threshold.get()) < 0) {
                throw new InvalidArgumentException("keyAccounts", "account " + r.account() + " spends "
                        + r.averageMonthlySpend().amount().toPlainString() + ", below the threshold "
                        + threshold.get().amount().toPlainString());
            }
        }
        if (!ranked.isEmpty() && threshold.isEmpty()) {
            throw new InvalidArgumentException("threshold", "must be present when there are key accounts");
        }
        keyAccounts = List.copyOf(ranked);
    }

    /** {@return the key accounts' ids, in ranking order} */
    public Set<AccountId> keyAccountIds() {
        Set<AccountId> ids = new LinkedHashSet<>();
        keyAccounts.forEach(r -> ids.add(r.account()));
        return Collections.unmodifiableSet(ids);
    }

    /**
     * Whether {@code account} is on the list.
     *
     * @param account the account
     * @return true when it is a key account
     */
    public boolean isKeyAccount(AccountId account) {
        Require.nonNull(account, "account");
        return keyAccounts.stream().anyMatch(r -> r.account().equals(account));
    }

    /** {@return the key accounts' summed average monthly spend (zero when there are none)} */
    public Money keyAccountSpend() {
        Money sum = Money.zero();
        for (RankedAccount r : keyAccounts) {
            sum = sum.plus(r.averageMonthlySpend());
        }
        return sum;
    }
}
