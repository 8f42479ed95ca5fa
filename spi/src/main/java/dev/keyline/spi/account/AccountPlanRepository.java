package dev.keyline.spi.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.spi.AggregateRepository;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Account plans (客户发展计划): one per key account and year, with the revenue target, the action
 * plan and the resource plan.
 *
 * <p>Saving follows {@link AggregateRepository}, with one more rule the repository enforces: an
 * account has at most one plan per year, so inserting a plan for an account and year that already
 * have another plan fails with {@code AlreadyExistsException} naming the account, the year and the
 * plan already stored; nothing is written. The account and year of a plan never change.
 */
public interface AccountPlanRepository extends AggregateRepository<AccountPlan, AccountPlanId> {

    /**
     * Every plan of one account.
     *
     * @param account the key account
     * @return the plans ordered by year, oldest first
     */
    List<AccountPlan> byAccount(AccountId account);

    /**
     * The plan of one account for one year.
     *
     * @param account the key account
     * @param year the plan year
     * @return the plan, or empty when the account has none for that year
     */
    Optional<AccountPlan> byAccountAndYear(AccountId account, Year year);

    /**
     * The plans of one local network's accounts for one year, for the network's reviews and KPIs.
     *
     * @param network the local network
     * @param year the plan year
     * @return a stream ordered by account id; close it after use
     */
    Stream<AccountPlan> byNetworkAndYear(LocalNetworkId network, Year year);
}
