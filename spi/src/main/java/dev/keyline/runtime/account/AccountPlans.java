package dev.keyline.runtime.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.PlanAction;
import dev.keyline.domain.account.PlanProgress;
import dev.keyline.domain.account.ResourcePlanItem;
import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Account plans (客户发展计划) run through the runtime: one plan per key account and year with its
 * revenue target (收入目标), action plan (行动计划) and resource plan (资源计划), and its progress
 * measured on billing's stored spend facts.
 *
 * <p>Every method takes the {@link Actor} who acts and applies the key-account access rules to the
 * plan's account ({@link Access#requireMayChange}): its account manager, an industry manager
 * of its industry, the department general manager or the general manager; anyone else gets a
 * {@link NotAuthorisedException} before anything changes. Commands run in one transaction, save with
 * the version check and write their events ({@code account-plan.*}) to the outbox, as described on
 * {@link KeyAccounts}. Immutable and thread-safe.
 */
public final class AccountPlans {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final AccountPlanRepository plans;
    private final KeyAccountRepository accounts;
    private final SpendFactRepository spendFacts;

    private AccountPlans(Keyline keyline, StorageProvider storage) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.plans = storage.port(AccountPlanRepository.class);
        this.accounts = storage.port(KeyAccountRepository.class);
        this.spendFacts = storage.port(SpendFactRepository.class);
    }

    /**
     * The account-plan service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store key accounts, spend facts and account plans
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store them
     */
    public static AccountPlans on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new AccountPlans(keyline, keyline.storage());
    }

    /**
     * Draws up an empty plan for a key account and year with a revenue target. Raises
     * {@code account-plan.drawn}.
     *
     * @param actor who draws it up
     * @param id the plan id
     * @param account the key account; registered and not exited
     * @param year the plan year
     * @param revenueTarget the yearly revenue target, positive
     * @return the plan
     * @throws NotFoundException when the account is not registered
     * @throws InvalidStateException when the account has exited
     * @throws AlreadyExistsException when the id is taken or the account already has a plan for the year
     */
    public AccountPlanSnapshot draw(Actor actor, AccountPlanId id, AccountId account, Year year, Money revenueTarget) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(year, "year");
        Require.nonNull(revenueTarget, "revenueTarget");
        return keyline.execute(ctx -> {
            KeyAccount a = accounts.get(account);
            Access.requireMayChange(actor, a.accessScope(), "draw up an account plan");
            if (a.status() == AccountStatus.EXITED) {
                throw new InvalidStateException("key account " + account + " has exited; it gets no account plan");
            }
            AccountPlan plan = AccountPlan.draw(id, account, a.network(), year, revenueTarget, actor.user(), ctx.now());
            ctx.save(plans, plan);
            return plan.snapshot();
        });
    }

    /**
     * Adds an action to the plan's action plan. Raises {@code account-plan.action-added}.
     *
     * @param actor who adds it
     * @param plan the plan
     * @param description what is to be done, not blank
     * @param owner who owns it
     * @param due when it is due, within the plan year
     * @return the new action
     */
    public PlanAction addAction(Actor actor, AccountPlanId plan, String description, UserId owner, LocalDate due) {
        Require.nonBlank(description, "description");
        Require.nonNull(owner, "owner");
        Require.nonNull(due, "due");
        return change(actor, plan, "add an action to the account plan",
                (p, ctx) -> p.addAction(description, owner, due, actor.user(), ctx.now()));
    }

    /**
     * Marks an action done. Raises {@code account-plan.action-completed}.
     *
     * @param actor who completed it
     * @param plan the plan
     * @param number the action's number
     * @return the plan
     */
    public AccountPlanSnapshot completeAction(Actor actor, AccountPlanId plan, int number) {
        return change(actor, plan, "complete an action of the account plan", (p, ctx) -> {
            p.completeAction(number, actor.user(), ctx.now());
            return p.snapshot();
        });
    }

    /**
     * Adds a line to the plan's resource plan. Raises {@code account-plan.resource-item-added}.
     *
     * @param actor who adds it
     * @param plan the plan
     * @param product the product
     * @param quantity how many units, positive
     * @param neededBy when they are needed, within the plan year
     * @param note a free note, may be empty
     * @return the new line
     */
    public ResourcePlanItem addResourceItem(Actor actor, AccountPlanId plan, ProductCode product, int quantity,
            LocalDate neededBy, String note) {
        Require.nonNull(product, "product");
        Require.positive(quantity, "quantity");
        Require.nonNull(neededBy, "neededBy");
        Require.nonNull(note, "note");
        return change(actor, plan, "add a resource line to the account plan",
                (p, ctx) -> p.addResourceItem(product, quantity, neededBy, note, actor.user(), ctx.now()));
    }

    /**
     * Records that a resource line's need was met. Raises {@code account-plan.resource-item-fulfilled}.
     *
     * @param actor who records it
     * @param plan the plan
     * @param number the line's number
     * @return the plan
     */
    public AccountPlanSnapshot fulfilResourceItem(Actor actor, AccountPlanId plan, int number) {
        return change(actor, plan, "fulfil a resource line of the account plan", (p, ctx) -> {
            p.fulfilResourceItem(number, actor.user(), ctx.now());
            return p.snapshot();
        });
    }

    /**
     * Revises the plan's yearly revenue target. Raises {@code account-plan.target-revised}.
     *
     * @param actor who revises it
     * @param plan the plan
     * @param newTarget the new target, positive, in the target's currency
     * @param reason why, not blank
     * @return the plan
     */
    public AccountPlanSnapshot reviseTarget(Actor actor, AccountPlanId plan, Money newTarget, String reason) {
        Require.nonNull(newTarget, "newTarget");
        Require.nonBlank(reason, "reason");
        return change(actor, plan, "revise the target of the account plan", (p, ctx) -> {
            p.reviseTarget(newTarget, reason, actor.user(), ctx.now());
            return p.snapshot();
        });
    }

    /**
     * The plan's progress towards its revenue target at a date, from the account's stored spend
     * facts (corrections applied); see {@link AccountPlan#progress}. Changes nothing, but is
     * reported only to those who may change the account.
     *
     * @param actor who asks
     * @param plan the plan
     * @param asOf the date to assess at
     * @return the progress
     * @throws NotAuthorisedException when the actor may not change the plan's account
     */
    public PlanProgress progress(Actor actor, AccountPlanId plan, LocalDate asOf) {
        Require.nonNull(asOf, "asOf");
        return access(actor, plan, "see the progress of the account plan",
                (p, ctx) -> p.progress(spendFacts.byAccount(p.account()), asOf));
    }

    /**
     * The plan's progress towards its revenue target as of today in the host's time zone
     * ({@link dev.keyline.runtime.Keyline#zone()}); see {@link #progress(Actor, AccountPlanId, LocalDate)}.
     *
     * @param actor who asks
     * @param plan the plan
     * @return the progress
     * @throws NotAuthorisedException when the actor may not change the plan's account
     */
    public PlanProgress progress(Actor actor, AccountPlanId plan) {
        return access(actor, plan, "see the progress of the account plan",
                (p, ctx) -> p.progress(spendFacts.byAccount(p.account()), ctx.today()));
    }

    /**
     * The stored state of a plan.
     *
     * @param plan the plan
     * @return its snapshot, or empty when there is none with that id
     */
    public Optional<AccountPlanSnapshot> find(AccountPlanId plan) {
        Require.nonNull(plan, "plan");
        return keyline.transactions().read(() -> plans.find(plan).map(AccountPlan::snapshot));
    }

    /**
     * The plan of an account for a year.
     *
     * @param account the key account
     * @param year the plan year
     * @return its snapshot, or empty when the account has none for that year
     */
    public Optional<AccountPlanSnapshot> planOf(AccountId account, Year year) {
        Require.nonNull(account, "account");
        Require.nonNull(year, "year");
        return keyline.transactions().read(() -> plans.byAccountAndYear(account, year).map(AccountPlan::snapshot));
    }

    /**
     * Every plan of an account.
     *
     * @param account the key account
     * @return their snapshots, oldest year first
     */
    public List<AccountPlanSnapshot> plansOf(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.transactions().read(() -> plans.byAccount(account).stream().map(AccountPlan::snapshot).toList());
    }

    private <T> T change(Actor actor, AccountPlanId plan, String attempted, BiFunction<AccountPlan, CommandContext, T> command) {
        Require.nonNull(actor, "actor");
        Require.nonNull(plan, "plan");
        return steps.change(plans, plan, mayChangeTheAccountOf(actor, attempted), command);
    }

    private <T> T access(Actor actor, AccountPlanId plan, String attempted, BiFunction<AccountPlan, CommandContext, T> work) {
        Require.nonNull(actor, "actor");
        Require.nonNull(plan, "plan");
        return steps.read(plans, plan, mayChangeTheAccountOf(actor, attempted), work);
    }

    private ServiceSteps.AccessCheck<AccountPlan> mayChangeTheAccountOf(Actor actor, String attempted) {
        return (p, ctx) -> {
            KeyAccount account = accounts.get(p.account());
            Access.requireMayChange(actor, account.accessScope(), attempted);
        };
    }
}
