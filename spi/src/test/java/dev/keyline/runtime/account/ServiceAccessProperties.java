package dev.keyline.runtime.account;

import static dev.keyline.tck.account.FixtureAccessRules.BELOW_FLOOR;
import static dev.keyline.tck.account.FixtureAccessRules.INDUSTRIES;
import static dev.keyline.tck.account.FixtureAccessRules.MANAGERS;
import static dev.keyline.tck.account.FixtureAccessRules.WITHIN_MATRIX;
import static dev.keyline.tck.account.FixtureAccessRules.accountOf;
import static dev.keyline.tck.account.FixtureAccessRules.hasAuthority;
import static dev.keyline.tck.account.FixtureAccessRules.isGeneralManager;
import static dev.keyline.tck.account.FixtureAccessRules.mayApproveOverride;
import static dev.keyline.tck.account.FixtureAccessRules.mayAssign;
import static dev.keyline.tck.account.FixtureAccessRules.mayChange;
import static dev.keyline.tck.account.FixtureAccessRules.reach;
import static dev.keyline.tck.account.FixtureAccessRules.requesterOf;
import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.CHEN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.DDN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.GAO;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.LI;
import static dev.keyline.tck.account.KeyAccountServiceFixture.MA;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SHOP;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SOFTWARE;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU_FLOORS;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNIVERSITY;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNREGISTERED;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AuthorityExceededException;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.tck.account.AreaState;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every command of every key-account and authority service ({@link KeyAccounts},
 * {@link Reclassifications}, {@link ChurnWarnings}, {@link AccountPlans} and
 * {@code PriceAuthorisations}), run by random actors, against an independent statement of the rules
 * written here (never the services' own access code).
 *
 * <p>The statement: an account manager changes exactly the stored accounts whose account manager
 * they are; an industry manager the accounts of the industries they lead; the department general
 * manager and the general manager any. Registering an account and assigning its account manager
 * are for the industry manager of its industry and the two general managers. A tier override needs
 * an approver who is an industry manager of the account's industry or a general manager and not the
 * requester; a reclassification and the spend of an unregistered customer need a general manager;
 * floor prices need the financial manager. A price decision counts only the decider's roles that
 * reach the account (those that change it, and the financial manager): within the matrix the
 * strongest of them must cover the discount, below the floor one of them must be the financial or
 * the department general manager; the requester never decides and alone withdraws.
 *
 * <p>For each random actor and command the storage (every repository and the outbox) is compared
 * before and after: a permitted command succeeds, changes exactly the parts the statement names and
 * writes exactly the events it names; a refused one throws the exception the statement names and
 * changes nothing.
 */
class ServiceAccessProperties {

    private static final List<AccountId> TARGETS = List.of(BANK, HOTEL, UNIVERSITY, SHOP, SOFTWARE);
    private static final List<UserId> USERS = List.of(WANG.user(), LI.user(), CHEN.user(), new UserId("u1"),
            new UserId("u2"));
    private static final List<Actor> OTHERS = List.of(ZHOU, MA, WANG, LI, CHEN, SUN, GAO);


    /** Every command of the services. */
    enum Kind {
        REGISTER, ASSIGN_MANAGER, ASSIGN_TEAM, ACTIVATE, UPDATE_PROFILE, FLAG_POTENTIAL, EXIT, OVERRIDE_AS_REQUESTER,
        OVERRIDE_AS_APPROVER, RECORD_SPEND, RECORD_UNREGISTERED_SPEND, CORRECT_SPEND,
        RECLASSIFY, RECLASSIFY_FORCED,
        EVALUATE_CHURN, CLEAR_CHURN_WARNING,
        DRAW_PLAN, ADD_PLAN_ACTION, COMPLETE_PLAN_ACTION, ADD_RESOURCE_ITEM, FULFIL_RESOURCE_ITEM, REVISE_TARGET,
        PLAN_PROGRESS,
        SET_FLOOR_PRICE, REQUEST_PRICE, APPROVE_PRICE, REJECT_PRICE, WITHDRAW_PRICE
    }

    /**
     * One random case.
     *
     * @param actor who acts
     * @param kind what they do
     * @param target the account concerned
     * @param other the approver (or requester) of an override
     * @param industry the industry of a newly registered account
     * @param request the price request decided on
     */
    record Case(Actor actor, Kind kind, AccountId target, Actor other, Industry industry, PriceAuthorisationId request) {
    }

    /**
     * What the statement expects of a case.
     *
     * @param refusal the exception a refused command throws, or null when the command is permitted
     * @param changed the parts of the storage a permitted command changes ({@code account:<id>},
     *     {@code plans:<id>}, {@code spendFacts}, {@code results}, {@code priceRequests}, {@code floorLists})
     * @param events the types of the events it writes, in order
     * @param reclassification whether it is a reclassification run, which changes the results and
     *     may change the tier of any account, writing one tier-changed event for each
     */
    record Expected(Class<? extends KeylineException> refusal, Set<String> changed, List<String> events,
            boolean reclassification) {

        static Expected refused(Class<? extends KeylineException> refusal) {
            return new Expected(refusal, Set.of(), List.of(), false);
        }

        static Expected changes(Set<String> changed, String... events) {
            return new Expected(null, changed, List.of(events), false);
        }

        static Expected nothingChanges() {
            return new Expected(null, Set.of(), List.of(), false);
        }
    }

    @Test
    void everyCommandDoesExactlyWhatTheRulesSayAndARefusalChangesNothing() {
        qt().withExamples(600).forAll(cases()).checkAssert(ServiceAccessProperties::check);
    }

    @Test
    void theGeneralManagersAndTheFinancialManagerOnEveryCommand() {
        Gen<Case> seniors = in -> {
            Actor actor = Generate.pick(List.of(ZHOU, MA, SUN)).generate(in);
            Kind kind = Generate.enumValues(Kind.class).generate(in);
            return new Case(actor, kind, targetOf(kind).generate(in), Generate.pick(OTHERS).generate(in),
                    Generate.enumValues(Industry.class).generate(in), requests().generate(in));
        };
        qt().withExamples(200).forAll(seniors).checkAssert(ServiceAccessProperties::check);
    }

    private static void check(Case c) {
        KeyAccountServiceFixture world = world();
        AreaState before = world.state();
        Expected expected = expected(c);
        KeylineException thrown = null;
        try {
            run(world, c);
        } catch (KeylineException e) {
            thrown = e;
        }
        AreaState after = world.state();
        if (expected.refusal() != null) {
            assertThat(thrown).as("the rules refuse %s", c).isInstanceOf(expected.refusal());
            assertThat(after).as("storage and outbox after the refused %s", c).isEqualTo(before);
            return;
        }
        if (thrown != null) {
            throw new AssertionError("the rules permit " + c + " but it failed", thrown);
        }
        Set<String> changed = changedParts(before, after);
        List<String> events = newEvents(before, after);
        if (expected.reclassification()) {
            assertThat(changed).as("parts changed by %s", c).contains("results");
            assertThat(changed).as("parts changed by %s", c)
                    .allSatisfy(part -> assertThat(part.equals("results") || part.startsWith("account:")).isTrue());
            assertThat(events).as("events of %s", c).allSatisfy(type -> assertThat(type).isEqualTo("account.tier-changed"));
            assertThat(events).as("events of %s", c).hasSize((int) changed.stream().filter(p -> p.startsWith("account:")).count());
        } else {
            assertThat(changed).as("parts changed by %s", c).isEqualTo(expected.changed());
            assertThat(events).as("events of %s", c).isEqualTo(expected.events());
        }
    }

    /** The Suzhou world with plans, an open churn warning, a floor price and two open price requests. */
    private static KeyAccountServiceFixture world() {
        KeyAccountServiceFixture world = new KeyAccountServiceFixture(new InMemoryStorage());
        world.serveSuzhou();
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        for (AccountId account : List.of(BANK, HOTEL)) {
            world.plans.draw(ZHOU, plan(account), account, Year.of(2026), Money.cny("600000.00"));
            world.plans.addAction(ZHOU, plan(account), "visit the board", MANAGERS.get(account), LocalDate.of(2026, 4, 1));
            world.plans.addResourceItem(ZHOU, plan(account), DDN, 2, LocalDate.of(2026, 5, 1), "");
        }
        world.churn.evaluateChurn(ZHOU, HOTEL, overdue());
        world.prices.setFloorPrice(SUN, SUZHOU_FLOORS, DDN, Money.cny("800.00"));
        world.prices.request(WANG, WITHIN_MATRIX, new PriceOffer(BANK, DDN, Money.cny("1000.00"), Money.cny("880.00")),
                SUZHOU_FLOORS, "renewal");
        world.prices.request(LI, BELOW_FLOOR, new PriceOffer(HOTEL, DDN, Money.cny("1000.00"), Money.cny("700.00")),
                SUZHOU_FLOORS, "competitor quotes 690");
        return world;
    }

    // ------------------------------------------------------------ the statement of the rules

    private static Expected expected(Case c) {
        Actor actor = c.actor();
        AccountId target = c.target();
        String account = "account:" + target.value();
        String plans = "plans:" + target.value();
        boolean mayChange = mayChange(actor, target);
        return switch (c.kind()) {
            case REGISTER -> mayAssign(actor, c.industry())
                    ? Expected.changes(Set.of("account:" + newAccount(c).value(), "plans:" + newAccount(c).value()),
                            "account.registered")
                    : Expected.refused(NotAuthorisedException.class);
            case ASSIGN_MANAGER -> mayAssign(actor, INDUSTRIES.get(target))
                    ? Expected.changes(Set.of(account), "account.manager-assigned")
                    : Expected.refused(NotAuthorisedException.class);
            case ASSIGN_TEAM -> ifMayChange(mayChange, Set.of(account), "account.team-assigned");
            case ACTIVATE -> ifMayChange(mayChange, Set.of(account), "account.activated");
            case UPDATE_PROFILE -> ifMayChange(mayChange, Set.of(account), "account.profile-updated");
            case FLAG_POTENTIAL -> ifMayChange(mayChange, Set.of(account), "account.potential-flagged");
            case EXIT -> ifMayChange(mayChange, Set.of(account), "account.exited");
            case OVERRIDE_AS_REQUESTER -> mayChange && mayApproveOverride(c.other(), target, actor.user())
                    ? Expected.changes(Set.of(account), "account.tier-changed")
                    : Expected.refused(NotAuthorisedException.class);
            case OVERRIDE_AS_APPROVER -> mayChange(c.other(), target) && mayApproveOverride(actor, target, c.other().user())
                    ? Expected.changes(Set.of(account), "account.tier-changed")
                    : Expected.refused(NotAuthorisedException.class);
            case RECORD_SPEND, CORRECT_SPEND -> ifMayChange(mayChange, Set.of("spendFacts"));
            case RECORD_UNREGISTERED_SPEND -> isGeneralManager(actor)
                    ? Expected.changes(Set.of("spendFacts")) : Expected.refused(NotAuthorisedException.class);
            case RECLASSIFY, RECLASSIFY_FORCED -> isGeneralManager(actor)
                    ? new Expected(null, Set.of(), List.of(), true) : Expected.refused(NotAuthorisedException.class);
            // only the bank is served and not yet warned; the hotel group's warning already holds every signal
            case EVALUATE_CHURN -> !mayChange ? Expected.refused(NotAuthorisedException.class)
                    : target.equals(BANK) ? Expected.changes(Set.of(account), "account.churn-warning-raised")
                    : Expected.nothingChanges();
            case CLEAR_CHURN_WARNING -> ifMayChange(mayChange, Set.of(account), "account.churn-warning-cleared");
            case DRAW_PLAN -> ifMayChange(mayChange, Set.of(plans), "account-plan.drawn");
            case ADD_PLAN_ACTION -> ifMayChange(mayChange, Set.of(plans), "account-plan.action-added");
            case COMPLETE_PLAN_ACTION -> ifMayChange(mayChange, Set.of(plans), "account-plan.action-completed");
            case ADD_RESOURCE_ITEM -> ifMayChange(mayChange, Set.of(plans), "account-plan.resource-item-added");
            case FULFIL_RESOURCE_ITEM -> ifMayChange(mayChange, Set.of(plans), "account-plan.resource-item-fulfilled");
            case REVISE_TARGET -> ifMayChange(mayChange, Set.of(plans), "account-plan.target-revised");
            case PLAN_PROGRESS -> mayChange ? Expected.nothingChanges() : Expected.refused(NotAuthorisedException.class);
            case SET_FLOOR_PRICE -> actor.roles().contains(Role.FINANCIAL_MANAGER)
                    ? Expected.changes(Set.of("floorLists"), "authority.floor-price-set")
                    : Expected.refused(NotAuthorisedException.class);
            // 1 % off: within every matrix role's maximum, above the floor
            case REQUEST_PRICE -> ifMayChange(mayChange, Set.of("priceRequests"), "authority.price-requested");
            case APPROVE_PRICE -> decision(c, c.request().equals(WITHIN_MATRIX) ? "authority.price-approved"
                    : "authority.price-approval-recorded");
            case REJECT_PRICE -> decision(c, "authority.price-rejected");
            case WITHDRAW_PRICE -> actor.user().equals(requesterOf(c.request()))
                    ? Expected.changes(Set.of("priceRequests"), "authority.price-withdrawn")
                    : Expected.refused(NotAuthorisedException.class);
        };
    }

    private static Expected ifMayChange(boolean mayChange, Set<String> changed, String... events) {
        return mayChange ? Expected.changes(changed, events) : Expected.refused(NotAuthorisedException.class);
    }

    /** An approval or rejection of one of the two open requests. */
    private static Expected decision(Case c, String event) {
        AccountId account = accountOf(c.request());
        Set<Role> reach = reach(c.actor(), account);
        if (c.actor().user().equals(requesterOf(c.request())) || reach.isEmpty()) {
            return Expected.refused(NotAuthorisedException.class);
        }
        return hasAuthority(reach, c.request()) ? Expected.changes(Set.of("priceRequests"), event)
                : Expected.refused(AuthorityExceededException.class);
    }

    // ------------------------------------------------------------ running a case and reading the change

    private static void run(KeyAccountServiceFixture world, Case c) {
        Actor actor = c.actor();
        AccountId target = c.target();
        KeyAccounts accounts = world.accounts;
        LocalDate today = LocalDate.of(2026, 3, 2);
        switch (c.kind()) {
            case REGISTER -> accounts.register(actor, newAccount(c), "New customer", SUZHOU, c.industry());
            case ASSIGN_MANAGER -> accounts.assignManager(actor, target, new UserId("u9"));
            case ASSIGN_TEAM -> accounts.assignTeam(actor, target, new AccountTeam(CHEN.user(), GAO.user(), SUN.user()));
            case ACTIVATE -> accounts.activate(actor, target);
            case UPDATE_PROFILE -> accounts.updateProfile(actor, target, new AccountProfile(3, Money.cny("1000.00"),
                    BigDecimal.ZERO, Money.cny("10.00"), BigDecimal.ONE, true, true, 2, 40L));
            case FLAG_POTENTIAL -> accounts.flagPotential(actor, target,
                    new PotentialFlags(true, Optional.of(InfluencerKind.PROPERTY_DEVELOPER), Optional.empty()));
            case EXIT -> accounts.exit(actor, target, "left");
            case OVERRIDE_AS_REQUESTER -> accounts.overrideTier(actor, c.other(), target, Tier.NATIONAL, "strategic");
            case OVERRIDE_AS_APPROVER -> accounts.overrideTier(c.other(), actor, target, Tier.NATIONAL, "strategic");
            case RECORD_SPEND -> accounts.recordSpend(actor, SpendFact.original(new SpendFactId("N-" + target.value()),
                    target, networkOf(world, target), YearMonth.of(2026, 2), Money.cny("10.00"), world.clock.instant()));
            case RECORD_UNREGISTERED_SPEND -> accounts.recordSpend(actor, SpendFact.original(new SpendFactId("N-C99"),
                    UNREGISTERED, SUZHOU, YearMonth.of(2026, 2), Money.cny("10.00"), world.clock.instant()));
            case CORRECT_SPEND -> accounts.correctSpend(actor, KeyAccountServiceFixture.factId(target, YearMonth.of(2026, 2)),
                    new SpendFactId("K-" + target.value()), Money.cny("1.00"));
            case RECLASSIFY -> world.reclassifications.reclassify(actor, SUZHOU, today);
            case RECLASSIFY_FORCED -> world.reclassifications.reclassifyForced(actor, SUZHOU, today);
            case EVALUATE_CHURN -> world.churn.evaluateChurn(actor, target, overdue());
            case CLEAR_CHURN_WARNING -> world.churn.clearChurnWarning(actor, target);
            case DRAW_PLAN -> world.plans.draw(actor, new AccountPlanId("P-NEW"), target, Year.of(2027), Money.cny("1.00"));
            case ADD_PLAN_ACTION -> world.plans.addAction(actor, plan(target), "call", actor.user(), LocalDate.of(2026, 5, 1));
            case COMPLETE_PLAN_ACTION -> world.plans.completeAction(actor, plan(target), 1);
            case ADD_RESOURCE_ITEM -> world.plans.addResourceItem(actor, plan(target), DDN, 1, LocalDate.of(2026, 6, 1),
                    "second line");
            case FULFIL_RESOURCE_ITEM -> world.plans.fulfilResourceItem(actor, plan(target), 1);
            case REVISE_TARGET -> world.plans.reviseTarget(actor, plan(target), Money.cny("650000.00"), "new contract");
            case PLAN_PROGRESS -> world.plans.progress(actor, plan(target), today);
            case SET_FLOOR_PRICE -> world.prices.setFloorPrice(actor, SUZHOU_FLOORS, DDN, Money.cny("850.00"));
            case REQUEST_PRICE -> world.prices.request(actor, new PriceAuthorisationId("PA-1"),
                    new PriceOffer(target, DDN, Money.cny("1000.00"), Money.cny("990.00")), SUZHOU_FLOORS, "gesture");
            case APPROVE_PRICE -> world.prices.approve(actor, c.request(), "approved");
            case REJECT_PRICE -> world.prices.reject(actor, c.request(), "rejected");
            case WITHDRAW_PRICE -> world.prices.withdraw(actor, c.request(), "withdrawn");
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        }
    }

    /** The parts of the storage that differ, named as in {@link Expected#changed()}. */
    private static Set<String> changedParts(AreaState before, AreaState after) {
        Set<String> changed = new TreeSet<>();
        Set<String> ids = new TreeSet<>(before.accounts().keySet());
        ids.addAll(after.accounts().keySet());
        for (String id : ids) {
            if (!Objects.equals(before.accounts().get(id), after.accounts().get(id))) {
                changed.add("account:" + id);
            }
            if (!Objects.equals(before.plans().get(id), after.plans().get(id))) {
                changed.add("plans:" + id);
            }
        }
        if (!before.spendFacts().equals(after.spendFacts())) {
            changed.add("spendFacts");
        }
        if (!before.results().equals(after.results())) {
            changed.add("results");
        }
        if (!before.priceRequests().equals(after.priceRequests())) {
            changed.add("priceRequests");
        }
        if (!before.floorLists().equals(after.floorLists())) {
            changed.add("floorLists");
        }
        return changed;
    }

    /** The types of the outbox entries written between the two states, in order. */
    private static List<String> newEvents(AreaState before, AreaState after) {
        List<OutboxEntry> old = before.outboxEntries();
        List<OutboxEntry> all = after.outboxEntries();
        assertThat(all.subList(0, Math.min(old.size(), all.size()))).as("the outbox only grows").isEqualTo(old);
        return all.subList(old.size(), all.size()).stream().map(entry -> entry.message().type()).toList();
    }

    private static LocalNetworkId networkOf(KeyAccountServiceFixture world, AccountId target) {
        return world.accounts.get(target).network();
    }

    private static AccountId newAccount(Case c) {
        return new AccountId("N-" + c.industry().ordinal());
    }

    private static AccountPlanId plan(AccountId account) {
        return new AccountPlanId("P-" + account.value());
    }

    private static ChurnObservations overdue() {
        return new ChurnObservations(Money.cny("5000.00"), Optional.of(LocalDate.of(2025, 10, 1)), List.of());
    }

    // ------------------------------------------------------------ generators

    private static Gen<Case> cases() {
        Gen<Actor> others = Generate.pick(OTHERS).mix(actors(), 50);
        return in -> {
            Kind kind = Generate.enumValues(Kind.class).generate(in);
            return new Case(actors().generate(in), kind, targetOf(kind).generate(in), others.generate(in),
                    Generate.enumValues(Industry.class).generate(in), requests().generate(in));
        };
    }

    private static Gen<PriceAuthorisationId> requests() {
        return Generate.pick(List.of(WITHIN_MATRIX, BELOW_FLOOR));
    }

    /**
     * The accounts a command may concern, so that a permitted command always succeeds: only the
     * bank and the hotel group have plans, only the university and the software house are prospects
     * with an account manager, only the hotel group has a churn warning.
     */
    private static Gen<AccountId> targetOf(Kind kind) {
        return switch (kind) {
            case ADD_PLAN_ACTION, COMPLETE_PLAN_ACTION, ADD_RESOURCE_ITEM, FULFIL_RESOURCE_ITEM, REVISE_TARGET,
                    PLAN_PROGRESS -> Generate.pick(List.of(BANK, HOTEL));
            case ACTIVATE -> Generate.pick(List.of(UNIVERSITY, SOFTWARE));
            case CLEAR_CHURN_WARNING -> Generate.constant(HOTEL);
            default -> Generate.pick(TARGETS);
        };
    }

    /** Random actors: one to three roles, with random industries where the roles allow them. */
    static Gen<Actor> actors() {
        Gen<Set<Role>> roles = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(3, Generate.pick(List.of(Role.ACCOUNT_MANAGER, Role.INDUSTRY_MANAGER))
                        .map(r -> (Set<Role>) EnumSet.of(r))),
                org.quicktheories.api.Pair.of(2, subsetsOf(List.of(Role.values()), 1, 3))));
        return in -> {
            Set<Role> held = roles.generate(in);
            UserId user = Generate.pick(USERS).generate(in);
            Set<Industry> industries = held.contains(Role.INDUSTRY_MANAGER)
                    ? subsetsOf(List.of(Industry.values()), 0, 2).generate(in) : Set.of();
            return new Actor(user, held, industries);
        };
    }

    private static <T> Gen<Set<T>> subsetsOf(List<T> values, int min, int max) {
        return in -> {
            int size = integers().between(min, max).generate(in);
            Set<T> chosen = new java.util.LinkedHashSet<>();
            for (int i = 0; i < size; i++) {
                chosen.add(Generate.pick(values).generate(in));
            }
            return chosen;
        };
    }
}
