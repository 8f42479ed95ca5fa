package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The whole state of an {@link AccountPlan} (客户发展计划) as an immutable value: what a repository
 * stores and hands back to {@link AccountPlan#restore(AccountPlanSnapshot)}.
 *
 * <p>The constructor only copies the lists; {@link AccountPlan#restore(AccountPlanSnapshot)} checks
 * every invariant and rejects a corrupt snapshot with a
 * {@link dev.keyline.domain.common.CorruptStateException}.
 *
 * @param id the plan id
 * @param version the stored version, 0 when never saved
 * @param account the account the plan is for
 * @param network the account's local network
 * @param year the plan year
 * @param revenueTarget the yearly revenue target
 * @param actions the action plan, numbered from 1
 * @param resourceItems the resource plan, numbered from 1
 * @param drawnBy who drew the plan up
 * @param drawnAt when
 * @param lastChangedAt when the last accepted command happened
 */
public record AccountPlanSnapshot(
        AccountPlanId id,
        long version,
        AccountId account,
        LocalNetworkId network,
        Year year,
        Money revenueTarget,
        List<PlanAction> actions,
        List<ResourcePlanItem> resourceItems,
        UserId drawnBy,
        Instant drawnAt,
        Instant lastChangedAt) {

    /**
     * Copies the lists (nulls are left for {@link AccountPlan#restore(AccountPlanSnapshot)} to reject).
     *
     * @param id the plan id
     * @param version the stored version, 0 when never saved
     * @param account the account the plan is for
     * @param network the account's local network
     * @param year the plan year
     * @param revenueTarget the yearly revenue target
     * @param actions the action plan, numbered from 1
     * @param resourceItems the resource plan, numbered from 1
     * @param drawnBy who drew the plan up
     * @param drawnAt when
     * @param lastChangedAt when the last accepted command happened
     */
    public AccountPlanSnapshot {
        actions = copy(actions);
        resourceItems = copy(resourceItems);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
