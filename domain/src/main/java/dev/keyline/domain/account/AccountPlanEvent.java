package dev.keyline.domain.account;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * An event raised by an {@link AccountPlan} (客户发展计划). Its aggregate id is the plan id; its
 * audience names the role {@value KeyAccountEvent#ACCOUNT_MANAGER_ROLE}, the local network and
 * the account.
 */
public sealed interface AccountPlanEvent extends DomainEvent
        permits AccountPlanDrawn, PlanActionAdded, PlanActionCompleted, ResourcePlanItemAdded,
        ResourcePlanItemFulfilled, RevenueTargetRevised {

    /** {@return the plan concerned} */
    AccountPlanId plan();

    /** {@return the account the plan is for} */
    AccountId account();

    /** {@return the account's local network} */
    LocalNetworkId network();

    @Override
    default String aggregateId() {
        return plan().value();
    }
}
