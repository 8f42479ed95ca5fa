package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reclassification run (大客户重新认定) changes for the registered accounts of its network:
 * the tier updates to apply, and the accounts the run found that are not registered yet.
 *
 * <p><b>Rule.</b> Every registered, not exited account of the network gets the tier
 * {@link ClassificationResult#tierOf(AccountId)} gives it: its key-account tier, {@code POTENTIAL},
 * or {@code NONE} when the run lists it nowhere. The list is redrawn as a whole, so a run also
 * replaces an earlier manual override. Exited accounts are left alone.
 *
 * @param result the run's result
 * @param updates the tier changes, ordered by account id
 * @param unregistered accounts the run lists (as key or potential) that are not registered, ordered by id
 */
public record ReclassificationPlan(ClassificationResult result, List<TierUpdate> updates, List<AccountId> unregistered) {

    /**
     * Validates the plan.
     *
     * @param result the run's result
     * @param updates the tier changes, ordered by account id
     * @param unregistered accounts the run lists (as key or potential) that are not registered, ordered by id
     */
    public ReclassificationPlan {
        Require.nonNull(result, "result");
        updates = Require.nonNullElements(updates, "updates");
        unregistered = Require.nonNullElements(unregistered, "unregistered");
        Set<AccountId> seen = new HashSet<>();
        Map<AccountId, Tier> listed = listedTiers(result);
        for (TierUpdate u : updates) {
            Require.that(seen.add(u.account()), "updates", () -> "account " + u.account() + " appears twice");
            Tier given = listed.getOrDefault(u.account(), Tier.NONE);
            Require.that(given == u.to(), "updates", () -> "account " + u.account()
                    + " would get " + u.to() + " but the result gives it " + given);
        }
    }

    /**
     * The plan for accounts with the given current tiers.
     *
     * @param result the run's result
     * @param currentTiers the current tier of every registered, not exited account of the network
     * @return the plan
     */
    public static ReclassificationPlan of(ClassificationResult result, Map<AccountId, Tier> currentTiers) {
        Require.nonNull(result, "result");
        Require.nonNull(currentTiers, "currentTiers");
        return plan(result, currentTiers, currentTiers.keySet());
    }

    /**
     * The plan for the given accounts; accounts of other networks are ignored, exited ones are
     * left alone.
     *
     * @param result the run's result
     * @param accounts the registered accounts (of any network)
     * @return the plan
     */
    public static ReclassificationPlan of(ClassificationResult result, Collection<KeyAccountSnapshot> accounts) {
        Require.nonNull(result, "result");
        Map<AccountId, Tier> current = new HashMap<>();
        Set<AccountId> registered = new HashSet<>();
        for (KeyAccountSnapshot a : Require.nonNullElements(accounts, "accounts")) {
            if (!result.network().equals(a.network())) {
                continue;
            }
            registered.add(a.id());
            if (a.status() != AccountStatus.EXITED) {
                current.put(a.id(), a.tier());
            }
        }
        return plan(result, current, registered);
    }

    private static ReclassificationPlan plan(ClassificationResult result, Map<AccountId, Tier> current, Set<AccountId> registered) {
        Require.nonNull(result, "result");
        Require.nonNull(current, "currentTiers");
        List<TierUpdate> updates = new ArrayList<>();
        Map<AccountId, Tier> listed = listedTiers(result);
        current.forEach((account, tier) -> {
            Require.nonNull(account, "currentTiers key");
            Require.nonNull(tier, "currentTiers", account);
            Tier target = listed.getOrDefault(account, Tier.NONE);
            if (target != tier) {
                updates.add(new TierUpdate(account, tier, target));
            }
        });
        updates.sort(Comparator.comparing(u -> u.account().value()));
        List<AccountId> missing = new ArrayList<>();
        result.keyAccounts().forEach(k -> {
            if (!registered.contains(k.account())) {
                missing.add(k.account());
            }
        });
        result.potentials().forEach(p -> {
            if (!registered.contains(p.account())) {
                missing.add(p.account());
            }
        });
        missing.sort(Comparator.comparing(AccountId::value));
        return new ReclassificationPlan(result, updates, missing);
    }

    /**
     * The tier a result gives each account it lists, as {@link ClassificationResult#tierOf} does
     * one at a time: its key-account tier or {@link Tier#POTENTIAL}. An account not in the map gets
     * {@link Tier#NONE}. One pass over the result, so that a run over a large network looks each
     * account up in constant time.
     *
     * @param result the run's result
     * @return the tiers of the listed accounts
     */
    public static Map<AccountId, Tier> listedTiers(ClassificationResult result) {
        Require.nonNull(result, "result");
        Map<AccountId, Tier> tiers = new HashMap<>();
        result.potentials().forEach(p -> tiers.put(p.account(), Tier.POTENTIAL));
        result.keyAccounts().forEach(k -> tiers.put(k.account(), k.tier()));
        return tiers;
    }

    /**
     * Applies the run to one account: sets the tier the result gives it via
     * {@link KeyAccount#classify(Tier, String, java.time.LocalDate, UserId, Instant)}, with the
     * result's rule name and run date. Safe to repeat.
     *
     * @param account an account of the result's network, not exited
     * @param by who applies the run
     * @param at when
     * @return true when the tier changed
     * @throws InvalidArgumentException when the account belongs to another network
     */
    public boolean applyTo(KeyAccount account, UserId by, Instant at) {
        Require.nonNull(account, "account");
        if (!account.network().equals(result.network())) {
            throw new InvalidArgumentException("account", "key account " + account.id() + " belongs to network "
                    + account.network() + ", the run to " + result.network());
        }
        return account.classify(result.tierOf(account.id()), result.rule(), result.runDate(), by, at);
    }
}
