package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The effective monthly telecom spend (通信消费) of key accounts, computed from billing's
 * append-only {@link SpendFact}s.
 *
 * <p><b>Rule.</b> Facts form correction chains: an original fact, the fact correcting it, the fact
 * correcting that one, and so on. A correction replaces the value of the fact it corrects, so each
 * chain counts with the amount of its <em>head</em>, the one fact no other fact corrects. The
 * effective spend of an account in a month is the sum of the heads' amounts of all chains for that
 * account and month (billing may report several independent facts for one month, for example one
 * per bill run). An account with no fact in a month has no entry for it (callers count it as 0).
 *
 * <p>The facts are rejected, with an {@link InvalidArgumentException} naming {@code facts} and the
 * fact concerned, when
 * <ul>
 *   <li>two different facts share an id (an identical fact given twice counts once);</li>
 *   <li>a correction names a fact that is not among the facts;</li>
 *   <li>a correction names a fact of another account, network or month;</li>
 *   <li>a correction was recorded before the fact it corrects;</li>
 *   <li>corrections form a cycle;</li>
 *   <li>two facts correct the same fact (a correction must correct the head of its chain);</li>
 *   <li>one account appears under two local networks.</li>
 * </ul>
 */
public final class EffectiveSpend {

    private EffectiveSpend() {
    }

    /**
     * The effective spend per account and month.
     *
     * @param facts the facts, in any order
     * @return one entry per account and month with at least one fact, ordered by network, account, month
     * @throws InvalidArgumentException when the facts break the rule above
     */
    public static List<MonthlySpend> of(Collection<SpendFact> facts) {
        Map<SpendFactId, SpendFact> byId = check(facts);
        Set<SpendFactId> corrected = new HashSet<>();
        for (SpendFact fact : byId.values()) {
            fact.corrects().ifPresent(corrected::add);
        }
        Map<Key, Money> sums = new TreeMap<>(Key.ORDER);
        for (SpendFact fact : byId.values()) {
            if (!corrected.contains(fact.id())) {
                sums.merge(new Key(fact.network(), fact.account(), fact.month()), fact.amount(), Money::plus);
            }
        }
        List<MonthlySpend> result = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> result.add(new MonthlySpend(k.account(), k.network(), k.month(), v)));
        return List.copyOf(result);
    }

    /**
     * The effective spend of one account, per month.
     *
     * @param facts the facts (all of them are checked, not only the account's)
     * @param account the account
     * @return its months with spend, in month order
     */
    public static Map<YearMonth, Money> ofAccount(Collection<SpendFact> facts, AccountId account) {
        Require.nonNull(account, "account");
        Map<YearMonth, Money> months = new TreeMap<>();
        for (MonthlySpend spend : of(facts)) {
            if (spend.account().equals(account)) {
                months.put(spend.month(), spend.amount());
            }
        }
        return Collections.unmodifiableMap(months);
    }

    private static Map<SpendFactId, SpendFact> check(Collection<SpendFact> facts) {
        List<SpendFact> given = Require.nonNullElements(facts, "facts");
        Map<SpendFactId, SpendFact> byId = new LinkedHashMap<>();
        Map<AccountId, LocalNetworkId> networks = new HashMap<>();
        for (SpendFact fact : given) {
            SpendFact known = byId.putIfAbsent(fact.id(), fact);
            if (known != null && !known.equals(fact)) {
                throw new InvalidArgumentException("facts", "two different facts share the id " + fact.id());
            }
            LocalNetworkId network = networks.putIfAbsent(fact.account(), fact.network());
            if (network != null && !network.equals(fact.network())) {
                throw new InvalidArgumentException("facts", "account " + fact.account() + " appears under networks "
                        + network + " and " + fact.network());
            }
        }
        Map<SpendFactId, SpendFactId> correctedBy = new HashMap<>();
        for (SpendFact fact : byId.values()) {
            if (fact.corrects().isEmpty()) {
                continue;
            }
            SpendFactId targetId = fact.corrects().get();
            SpendFact target = byId.get(targetId);
            if (target == null) {
                throw new InvalidArgumentException("facts", "fact " + fact.id() + " corrects the unknown fact " + targetId);
            }
            if (!target.account().equals(fact.account()) || !target.month().equals(fact.month())
                    || !target.network().equals(fact.network())) {
                throw new InvalidArgumentException("facts", "fact " + fact.id() + " (" + fact.account() + ", " + fact.month()
                        + ") corrects fact " + targetId + " of another account or month (" + target.account() + ", "
                        + target.month() + ")");
            }
            SpendFactId other = correctedBy.putIfAbsent(targetId, fact.id());
            if (other != null) {
                throw new InvalidArgumentException("facts", "fact " + targetId + " is corrected by both " + other
                        + " and " + fact.id() + "; a correction must correct the latest fact of its chain");
            }
        }
        for (SpendFact fact : byId.values()) {
            Set<SpendFactId> seen = new HashSet<>();
            SpendFact current = fact;
            while (current.corrects().isPresent()) {
                if (!seen.add(current.id())) {
                    throw new InvalidArgumentException("facts", "corrections form a cycle through fact " + current.id());
                }
                current = byId.get(current.corrects().get());
            }
        }
        for (SpendFact fact : byId.values()) {
            if (fact.corrects().isPresent()) {
                SpendFact target = byId.get(fact.corrects().get());
                if (fact.recordedAt().isBefore(target.recordedAt())) {
                    throw new InvalidArgumentException("facts", "fact " + fact.id() + " was recorded before the fact "
                            + target.id() + " it corrects");
                }
            }
        }
        return byId;
    }

    private record Key(LocalNetworkId network, AccountId account, YearMonth month) {
        static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.network().value())
                .thenComparing(k -> k.account().value())
                .thenComparing(Key::month);
    }
}
