package dev.keyline.domain.account;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.keyline.domain.common.LocalNetworkId;
import java.util.function.Supplier;

/**
 * An account plan (客户发展计划) for one key account and one year: the yearly revenue target
 * (收入目标), the action plan (行动计划) and the resource plan (资源计划).
 *
 * <p>Invariants, checked by every command and again by {@link #restore(AccountPlanSnapshot)}: the
 * target is positive; actions and resource lines are numbered 1, 2, 3… in the order they were
 * added; their due and needed-by dates lie in the plan year; a done action or fulfilled line stays
 * so and was completed between drawing up and the last change; time never goes back.
 */
public final class AccountPlan extends AggregateRoot<AccountPlanId> {

    private final AccountId account;
    private final LocalNetworkId network;
    private final Year year;
    private final UserId drawnBy;
    private final Instant drawnAt;
    private Money revenueTarget;
    private final List<PlanAction> actions;
    private final List<ResourcePlanItem> resourceItems;
    private Instant lastChangedAt;

    private AccountPlan(AccountPlanSnapshot s) {
        super(s.id(), s.version());
        this.account = s.account();
        this.network = s.network();
        this.year = s.year();
        this.drawnBy = s.drawnBy();
        this.drawnAt = s.drawnAt();
        this.revenueTarget = s.revenueTarget();
        this.actions = new ArrayList<>(s.actions());
        this.resourceItems = new ArrayList<>(s.resourceItems());
        this.lastChangedAt = s.lastChangedAt();
    }

    /**
     * Draws up an empty plan with a revenue target. Raises {@link AccountPlanDrawn}. (One plan per
     * account and year is a uniqueness rule the repository enforces.)
     *
     * @param id the plan id
     * @param account the key account
     * @param network the account's local network
     * @param year the plan year
     * @param revenueTarget the yearly revenue target, positive
     * @param by who draws it up
     * @param at when
     * @return the new plan, version 0
     */
    public static AccountPlan draw(AccountPlanId id, AccountId account, LocalNetworkId network, Year year,
            Money revenueTarget, UserId by, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(year, "year");
        requirePositive(revenueTarget, "revenueTarget");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        AccountPlan plan = new AccountPlan(new AccountPlanSnapshot(id, 0, account, network, year, revenueTarget,
                List.of(), List.of(), by, at, at));
        plan.record(new AccountPlanDrawn(EventId.random(), at, id, account, network, year, revenueTarget, by));
        return plan;
    }

    /**
     * Rebuilds a plan from a stored snapshot, checking every invariant again.
     *
     * @param snapshot the stored state
     * @return the plan, at the snapshot's version, with no pending events
     * @throws CorruptStateException when the snapshot violates an invariant
     */
    public static AccountPlan restore(AccountPlanSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        verify(snapshot);
        return new AccountPlan(snapshot);
    }

    /**
     * Adds an action to the action plan. Raises {@link PlanActionAdded}.
     *
     * @param description what is to be done, not blank
     * @param owner who owns it
     * @param due when it is due, within the plan year
     * @param by who adds it
     * @param at when
     * @return the new action, numbered after the last one
     */
    public PlanAction addAction(String description, UserId owner, LocalDate due, UserId by, Instant at) {
        Require.text(description, "description");
        Require.nonNull(owner, "owner");
        requireInYear(due, "due");
        Require.nonNull(by, "by");
        checkTime(at);
        PlanAction action = new PlanAction(actions.size() + 1, description, owner, due, Optional.empty(), Optional.empty());
        actions.add(action);
        lastChangedAt = at;
        record(new PlanActionAdded(EventId.random(), at, id(), account, network, action, by));
        return action;
    }

    /**
     * Marks an action done. Raises {@link PlanActionCompleted}.
     *
     * @param number the action's number
     * @param by who completed it
     * @param at when
     * @throws NotFoundException when there is no such action
     * @throws InvalidStateException when it is already done
     */
    public void completeAction(int number, UserId by, Instant at) {
        Require.nonNull(by, "by");
        checkTime(at);
        PlanAction action = action(number);
        if (action.isDone()) {
            throw new InvalidStateException("action " + number + " of account plan " + id() + " is already done");
        }
        actions.set(number - 1, action.completed(by, at));
        lastChangedAt = at;
        record(new PlanActionCompleted(EventId.random(), at, id(), account, network, number, by));
    }

    /**
     * Adds a line to the resource plan. Raises {@link ResourcePlanItemAdded}.
     *
     * @param product the product
     * @param quantity how many units, positive
     * @param neededBy when they are needed, within the plan year
     * @param note a free note, may be empty
     * @param by who adds it
     * @param at when
     * @return the new line, numbered after the last one
     */
    public ResourcePlanItem addResourceItem(ProductCode product, int quantity, LocalDate neededBy, String note,
            UserId by, Instant at) {
        Require.nonNull(product, "product");
        Require.positive(quantity, "quantity");
        requireInYear(neededBy, "neededBy");
        Require.nonNull(note, "note");
        Require.nonNull(by, "by");
        checkTime(at);
        ResourcePlanItem item = new ResourcePlanItem(resourceItems.size() + 1, product, quantity, neededBy, note,
                Optional.empty(), Optional.empty());
        resourceItems.add(item);
        lastChangedAt = at;
        record(new ResourcePlanItemAdded(EventId.random(), at, id(), account, network, item, by));
        return item;
    }

    /**
     * Records that a resource line's need was met. Raises {@link ResourcePlanItemFulfilled}.
     *
     * @param number the line's number
     * @param by who records it
     * @param at when
     * @throws NotFoundException when there is no such line
     * @throws InvalidStateException when it is already fulfilled
     */
    public void fulfilResourceItem(int number, UserId by, Instant at) {
        Require.nonNull(by, "by");
        checkTime(at);
        ResourcePlanItem item = resourceItem(number);
        if (item.isFulfilled()) {
            throw new InvalidStateException("resource line " + number + " of account plan " + id() + " is already fulfilled");
        }
        resourceItems.set(number - 1, item.fulfilled(by, at));
        lastChangedAt = at;
        record(new ResourcePlanItemFulfilled(EventId.random(), at, id(), account, network, number, by));
    }

    /**
     * Revises the yearly revenue target. Raises {@link RevenueTargetRevised}.
     *
     * @param newTarget the new target, positive, in the target's currency
     * @param reason why, not blank
     * @param by who revises it
     * @param at when
     * @throws InvalidStateException when the target is unchanged
     */
    public void reviseTarget(Money newTarget, String reason, UserId by, Instant at) {
        requirePositive(newTarget, "newTarget");
        Require.same(revenueTarget.currency(), newTarget.currency(), "newTarget currency");
        Require.text(reason, "reason");
        Require.nonNull(by, "by");
        checkTime(at);
        if (newTarget.equals(revenueTarget)) {
            throw new InvalidStateException("account plan " + id() + " already has the target " + revenueTarget);
        }
        Money previous = revenueTarget;
        revenueTarget = newTarget;
        lastChangedAt = at;
        record(new RevenueTargetRevised(EventId.random(), at, id(), account, network, previous, newTarget, reason.strip(), by));
    }

    /**
     * Progress towards the revenue target at {@code asOf}, from billing's spend facts.
     *
     * <p><b>Rule.</b> Only whole months count: the months of the plan year before {@code asOf}'s
     * month (none before the year, all twelve after it). achieved = the account's effective spend
     * ({@link EffectiveSpend}) over those months; expected = target × months / 12, half-even to the
     * cent; ratio = achieved / target to 4 decimals, half-even; on track when achieved ≥ expected.
     *
     * @param facts billing's spend facts (other accounts' facts are ignored but checked)
     * @param asOf the date to assess at
     * @return the progress
     */
    public PlanProgress progress(Collection<SpendFact> facts, LocalDate asOf) {
        Require.nonNull(asOf, "asOf");
        int months;
        if (asOf.getYear() < year.getValue()) {
            months = 0;
        } else if (asOf.getYear() > year.getValue()) {
            months = 12;
        } else {
            months = asOf.getMonthValue() - 1;
        }
        Money achieved = Money.zero(revenueTarget.currency());
        for (Map.Entry<YearMonth, Money> e : EffectiveSpend.ofAccount(facts, account).entrySet()) {
            if (e.getKey().getYear() == year.getValue() && e.getKey().getMonthValue() <= months) {
                achieved = achieved.plus(e.getValue());
            }
        }
        Money expected = revenueTarget.times(months).dividedBy(12);
        BigDecimal ratio = achieved.amount().divide(revenueTarget.amount(), 4, RoundingMode.HALF_EVEN);
        return new PlanProgress(id(), account, year, asOf, months, revenueTarget, achieved, ratio, expected,
                achieved.compareTo(expected) >= 0);
    }

    /** {@return the whole state as an immutable value} */
    public AccountPlanSnapshot snapshot() {
        return new AccountPlanSnapshot(id(), version(), account, network, year, revenueTarget, actions, resourceItems,
                drawnBy, drawnAt, lastChangedAt);
    }

    /** {@return the key account the plan is for} */
    public AccountId account() {
        return account;
    }

    /** {@return the account's local network} */
    public LocalNetworkId network() {
        return network;
    }

    /** {@return the plan year} */
    public Year year() {
        return year;
    }

    /** {@return the yearly revenue target} */
    public Money revenueTarget() {
        return revenueTarget;
    }

    /** {@return the action plan, in number order} */
    public List<PlanAction> actions() {
        return List.copyOf(actions);
    }

    /** {@return the resource plan, in number order} */
    public List<ResourcePlanItem> resourceItems() {
        return List.copyOf(resourceItems);
    }

    /** {@return the actions not yet done} */
    public List<PlanAction> openActions() {
        return actions.stream().filter(a -> !a.isDone()).toList();
    }

    /** {@return who drew the plan up} */
    public UserId drawnBy() {
        return drawnBy;
    }

    /** {@return when the plan was drawn up} */
    public Instant drawnAt() {
        return drawnAt;
    }

    /** {@return when the last accepted command happened; later commands must not be earlier} */
    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    private PlanAction action(int number) {
        if (number < 1 || number > actions.size()) {
            throw new NotFoundException("account plan " + id() + " has no action " + number);
        }
        return actions.get(number - 1);
    }

    private ResourcePlanItem resourceItem(int number) {
        if (number < 1 || number > resourceItems.size()) {
            throw new NotFoundException("account plan " + id() + " has no resource line " + number);
        }
        return resourceItems.get(number - 1);
    }

    private void requireInYear(LocalDate date, String name) {
        Require.nonNull(date, name);
        if (date.getYear() != year.getValue()) {
            throw new InvalidArgumentException(name, "must lie in the plan year " + year + ", was " + date);
        }
    }

    private static void requirePositive(Money money, String name) {
        Limits.money(money, name);
        Require.that(money.isPositive(), name, () -> "must be positive, was " + money);
    }

    private void checkTime(Instant at) {
        Require.nonNull(at, "at");
        if (at.isBefore(lastChangedAt)) {
            throw new InvalidArgumentException("at", "must not be before the plan's last change at " + lastChangedAt
                    + ", was " + at);
        }
    }

    private static void verify(AccountPlanSnapshot s) {
        String who = "account plan " + s.id();
        corruptUnless(s.id() != null, "account plan: id is missing");
        corruptUnless(s.version() >= 0, () -> who + ": version is negative");
        corruptUnless(s.account() != null, () -> who + ": account is missing");
        corruptUnless(s.network() != null, () -> who + ": network is missing");
        corruptUnless(s.year() != null, () -> who + ": year is missing");
        corruptUnless(s.revenueTarget() != null && s.revenueTarget().isPositive(), () -> who + ": revenue target is not positive");
        corruptUnless(s.actions() != null && !s.actions().contains(null), () -> who + ": actions are null");
        corruptUnless(s.resourceItems() != null && !s.resourceItems().contains(null), () -> who + ": resource lines are null");
        corruptUnless(s.drawnBy() != null, () -> who + ": drawnBy is missing");
        corruptUnless(s.drawnAt() != null && s.lastChangedAt() != null, () -> who + ": a timestamp is missing");
        corruptUnless(!s.lastChangedAt().isBefore(s.drawnAt()), () -> who + ": last change before drawing up");
        for (int i = 0; i < s.actions().size(); i++) {
            PlanAction a = s.actions().get(i);
            int position = i + 1;
            corruptUnless(a.number() == position, () -> who + ": action at position " + position + " is numbered " + a.number());
            corruptUnless(a.due().getYear() == s.year().getValue(), () -> who + ": action " + a.number() + " is due outside the plan year");
            a.completedAt().ifPresent(t -> corruptUnless(!t.isBefore(s.drawnAt()) && !t.isAfter(s.lastChangedAt()),
                    () -> who + ": action " + a.number() + " completed outside the plan's life"));
        }
        for (int i = 0; i < s.resourceItems().size(); i++) {
            ResourcePlanItem r = s.resourceItems().get(i);
            int position = i + 1;
            corruptUnless(r.number() == position, () -> who + ": resource line at position " + position + " is numbered "
                    + r.number());
            corruptUnless(r.neededBy().getYear() == s.year().getValue(), () -> who + ": resource line " + r.number()
                    + " is needed outside the plan year");
            r.fulfilledAt().ifPresent(t -> corruptUnless(!t.isBefore(s.drawnAt()) && !t.isAfter(s.lastChangedAt()),
                    () -> who + ": resource line " + r.number() + " fulfilled outside the plan's life"));
        }
    }

    private static void corruptUnless(boolean condition, String message) {
        if (!condition) {
            throw new CorruptStateException(message);
        }
    }

    /** {@link #corruptUnless(boolean, String)} with the message built only when the check fails. */
    private static void corruptUnless(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new CorruptStateException(message.get());
        }
    }
}
