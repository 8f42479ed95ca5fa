package dev.keyline.tck.account;

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
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU_FLOORS;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNIVERSITY;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNREGISTERED;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.account.ChurnObservations;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the key-account and commercial-authorisation areas on a
 * storage provider: every command of {@code KeyAccounts}, {@code Reclassifications},
 * {@code ChurnWarnings}, {@code AccountPlans} and {@code PriceAuthorisations} is run by every
 * {@link Role} of the kernel, in the scopes that matter (the account's own account manager and
 * another one, the industry manager of the account's industry and of another industry), and the
 * outcome is compared with an independent statement of the documented rules written here as data,
 * never with the services' own access code.
 *
 * <p>The statement (docs/key-accounts.md and docs/authority.md, "Access"): an account manager
 * changes exactly the stored accounts whose account manager they are; an industry manager the
 * accounts of the industries they lead; the department general manager and the general manager any.
 * Registering an account and assigning its account manager are for the industry manager of its
 * industry and the two general managers. A tier override needs an approver who is an industry
 * manager of the account's industry or a general manager and not the requester; a reclassification
 * and the spend of an unregistered customer need a general manager; floor prices need the financial
 * manager. A price decision counts only the decider's roles that reach the account: within the
 * matrix the strongest of them must cover the discount ({@link AuthorityExceededException}
 * otherwise), below the floor one of them must be the financial or the department general manager;
 * the requester never decides and alone withdraws.
 *
 * <p>For each case the stored state (every key account, plan, spend fact, classification result,
 * price request and floor list, reloaded through the repositories) and the outbox (every entry,
 * with its content) are read before and after: a permitted command succeeds, changes exactly the
 * parts the statement names and writes exactly the events it names; a refused one throws the
 * exception the statement names and changes nothing at all.
 *
 * <p>Refused cases of one command share a world (each is checked against the same state, so a
 * refusal that changed anything fails the next comparison too); the first permitted case then runs
 * on that unchanged world and, with {@link #everyPermittedActor()}, each further one on a fresh
 * world, so that what it changes cannot hide another case's outcome.
 */
public abstract class AccountAuthorisationContract {



    /** The industry manager of tourism: the hotel group's industry, not the bank's. */
    static final Actor TANG = Actor.industryManager(new UserId("tang"), List.of(Industry.TOURISM));

    /**
     * Every role of the kernel, one actor each, and the scope variants: Wang manages the bank, the
     * university and the software house, Li the hotel group; Chen leads finance (the bank), Tang
     * tourism (the hotel group).
     */
    static final List<Actor> ACTORS = actors();

    /** Every command of the five services, with the service method it calls. */
    public enum Kind {
        /** {@code KeyAccounts.register}. */
        REGISTER("KeyAccounts.register"),
        /** {@code KeyAccounts.assignManager}. */
        ASSIGN_MANAGER("KeyAccounts.assignManager"),
        /** {@code KeyAccounts.assignTeam}. */
        ASSIGN_TEAM("KeyAccounts.assignTeam"),
        /** {@code KeyAccounts.activate}. */
        ACTIVATE("KeyAccounts.activate"),
        /** {@code KeyAccounts.updateProfile}. */
        UPDATE_PROFILE("KeyAccounts.updateProfile"),
        /** {@code KeyAccounts.flagPotential}. */
        FLAG_POTENTIAL("KeyAccounts.flagPotential"),
        /** {@code KeyAccounts.exit}. */
        EXIT("KeyAccounts.exit"),
        /** {@code KeyAccounts.overrideTier}, the actor requesting. */
        OVERRIDE_AS_REQUESTER("KeyAccounts.overrideTier"),
        /** {@code KeyAccounts.overrideTier}, the actor approving. */
        OVERRIDE_AS_APPROVER("KeyAccounts.overrideTier"),
        /** {@code KeyAccounts.recordSpend} of a registered account. */
        RECORD_SPEND("KeyAccounts.recordSpend"),
        /** {@code KeyAccounts.recordSpend} of an unregistered customer. */
        RECORD_UNREGISTERED_SPEND("KeyAccounts.recordSpend"),
        /** {@code KeyAccounts.correctSpend}. */
        CORRECT_SPEND("KeyAccounts.correctSpend"),
        /** {@code Reclassifications.reclassify}. */
        RECLASSIFY("Reclassifications.reclassify"),
        /** {@code Reclassifications.reclassifyForced}. */
        RECLASSIFY_FORCED("Reclassifications.reclassifyForced"),
        /** {@code ChurnWarnings.evaluateChurn}. */
        EVALUATE_CHURN("ChurnWarnings.evaluateChurn"),
        /** {@code ChurnWarnings.clearChurnWarning}. */
        CLEAR_CHURN_WARNING("ChurnWarnings.clearChurnWarning"),
        /** {@code AccountPlans.draw}. */
        DRAW_PLAN("AccountPlans.draw"),
        /** {@code AccountPlans.addAction}. */
        ADD_PLAN_ACTION("AccountPlans.addAction"),
        /** {@code AccountPlans.completeAction}. */
        COMPLETE_PLAN_ACTION("AccountPlans.completeAction"),
        /** {@code AccountPlans.addResourceItem}. */
        ADD_RESOURCE_ITEM("AccountPlans.addResourceItem"),
        /** {@code AccountPlans.fulfilResourceItem}. */
        FULFIL_RESOURCE_ITEM("AccountPlans.fulfilResourceItem"),
        /** {@code AccountPlans.reviseTarget}. */
        REVISE_TARGET("AccountPlans.reviseTarget"),
        /** {@code AccountPlans.progress}, a read that is gated like a change. */
        PLAN_PROGRESS("AccountPlans.progress"),
        /** {@code PriceAuthorisations.setFloorPrice}. */
        SET_FLOOR_PRICE("PriceAuthorisations.setFloorPrice"),
        /** {@code PriceAuthorisations.request}. */
        REQUEST_PRICE("PriceAuthorisations.request"),
        /** {@code PriceAuthorisations.approve}. */
        APPROVE_PRICE("PriceAuthorisations.approve"),
        /** {@code PriceAuthorisations.reject}. */
        REJECT_PRICE("PriceAuthorisations.reject"),
        /** {@code PriceAuthorisations.withdraw}. */
        WITHDRAW_PRICE("PriceAuthorisations.withdraw");

        private final String method;

        Kind(String method) {
            this.method = method;
        }

        /**
         * The service method the command calls, as {@code SimpleClassName.method}.
         *
         * @return the method
         */
        public String method() {
            return method;
        }
    }

    /**
     * One command in one scope, run by each actor.
     *
     * @param kind what is done
     * @param target the account concerned
     * @param other the approver (or requester) of an override
     * @param request the price request decided on
     */
    record Command(Kind kind, AccountId target, Actor other, PriceAuthorisationId request) {

        @Override
        public String toString() {
            return kind + " on " + target.value() + " (other " + other.user().value() + ", request "
                    + request.value() + ")";
        }
    }

    /**
     * What the statement expects of a case.
     *
     * @param refusal the exception a refused command throws, or null when the command is permitted
     * @param changed the parts of the storage a permitted command changes
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

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * The commands run: every {@link Kind} once, the price decisions on both open requests.
     *
     * @return the commands
     */
    static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            AccountId target = switch (kind) {
                case ACTIVATE -> UNIVERSITY; // a prospect with an account manager
                case CLEAR_CHURN_WARNING -> HOTEL; // the only account with a churn warning
                default -> BANK;
            };
            Actor other = kind == Kind.OVERRIDE_AS_APPROVER ? WANG : MA;
            commands.add(new Command(kind, target, other, WITHIN_MATRIX));
            if (kind == Kind.APPROVE_PRICE || kind == Kind.REJECT_PRICE || kind == Kind.WITHDRAW_PRICE) {
                commands.add(new Command(kind, HOTEL, other, BELOW_FLOOR));
            }
        }
        return commands;
    }

    /**
     * The service methods this suite covers, as {@code SimpleClassName.method}.
     *
     * @return the methods
     */
    public static Set<String> coveredMethods() {
        Set<String> methods = new TreeSet<>();
        for (Kind kind : Kind.values()) {
            methods.add(kind.method());
        }
        return methods;
    }

    /**
     * Whether every permitted actor of a command is run, each on a fresh world; when false only the
     * first permitted actor of each command is, on the world its refused cases shared (the others
     * count as skipped). Every refused case always runs. A provider whose worlds are slow to build
     * may run only the first and leave the permitted variants to a faster provider running the same
     * services.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    @Test
    void everyCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        int refused = 0;
        int permitted = 0;
        for (Command command : commands()) {
            List<Actor> allowed = new ArrayList<>();
            List<Actor> denied = new ArrayList<>();
            for (Actor actor : ACTORS) {
                (expected(actor, command).refusal() == null ? allowed : denied).add(actor);
            }
            // the refused cases first, on one world (a new world may reuse the storage, so none is
            // built before they are done), then the first permitted case on the same, unchanged world
            KeyAccountServiceFixture shared = world();
            AreaState before = shared.state();
            for (Actor actor : denied) {
                checkRefused(shared, before, actor, command, expected(actor, command));
                refused++;
            }
            for (int i = 0; i < allowed.size() && (i == 0 || everyPermittedActor()); i++) {
                checkPermitted(i == 0 ? shared : world(), allowed.get(i), command, expected(allowed.get(i), command));
                permitted++;
            }
            assertThat(allowed).as("someone may %s", command).isNotEmpty();
        }
        assertThat(refused).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (account, authority): %d commands x %d actors, %d refused and %d permitted"
                + " cases run%n", commands().size(), ACTORS.size(), refused, permitted);
    }

    /**
     * The refused cases the statement above gives over {@link #commands()} and {@link #ACTORS}, pinned so
     * that a change to the statement or the actors is noticed and docs/reliability.md updated.
     */
    private static final int REFUSED_CASES = 368;

    private static void checkRefused(KeyAccountServiceFixture world, AreaState before, Actor actor, Command command,
            Expected expected) {
        KeylineException thrown = run(world, actor, command);
        assertThat(thrown).as("the rules refuse %s by %s", command, actor).isInstanceOf(expected.refusal());
        assertThat(world.state()).as("storage and outbox after the refused %s by %s", command, actor)
                .isEqualTo(before);
    }

    private static void checkPermitted(KeyAccountServiceFixture world, Actor actor, Command command,
            Expected expected) {
        AreaState before = world.state();
        KeylineException thrown = run(world, actor, command);
        if (thrown != null) {
            throw new AssertionError("the rules permit " + command + " by " + actor + " but it failed", thrown);
        }
        AreaState after = world.state();
        Set<String> changed = changedParts(before, after);
        List<String> events = newEvents(before, after);
        if (expected.reclassification()) {
            assertThat(changed).as("parts changed by %s", command).contains("results");
            assertThat(changed).as("parts changed by %s", command)
                    .allSatisfy(part -> assertThat(part.equals("results") || part.startsWith("account:")).isTrue());
            assertThat(events).as("events of %s", command)
                    .allSatisfy(type -> assertThat(type).isEqualTo("account.tier-changed"));
            assertThat(events).as("events of %s", command)
                    .hasSize((int) changed.stream().filter(p -> p.startsWith("account:")).count());
        } else {
            assertThat(changed).as("parts changed by %s by %s", command, actor).isEqualTo(expected.changed());
            assertThat(events).as("events of %s by %s", command, actor).isEqualTo(expected.events());
        }
    }

    /** The Suzhou world with plans, an open churn warning, a floor price and two open price requests. */
    private KeyAccountServiceFixture world() {
        KeyAccountServiceFixture world = new KeyAccountServiceFixture(newStorage());
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

    static Expected expected(Actor actor, Command c) {
        AccountId target = c.target();
        String account = "account:" + target.value();
        String plans = "plans:" + target.value();
        boolean mayChange = mayChange(actor, target);
        return switch (c.kind()) {
            case REGISTER -> mayAssign(actor, Industry.FINANCE)
                    ? Expected.changes(Set.of("account:" + NEW_ACCOUNT.value(), "plans:" + NEW_ACCOUNT.value()),
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
            // the bank is served and not yet warned; it raises a warning
            case EVALUATE_CHURN -> ifMayChange(mayChange, Set.of(account), "account.churn-warning-raised");
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
            case APPROVE_PRICE -> decision(actor, c, c.request().equals(WITHIN_MATRIX) ? "authority.price-approved"
                    : "authority.price-approval-recorded");
            case REJECT_PRICE -> decision(actor, c, "authority.price-rejected");
            case WITHDRAW_PRICE -> actor.user().equals(requesterOf(c.request()))
                    ? Expected.changes(Set.of("priceRequests"), "authority.price-withdrawn")
                    : Expected.refused(NotAuthorisedException.class);
        };
    }

    private static Expected ifMayChange(boolean mayChange, Set<String> changed, String... events) {
        return mayChange ? Expected.changes(changed, events) : Expected.refused(NotAuthorisedException.class);
    }

    /** An approval or rejection of one of the two open requests. */
    private static Expected decision(Actor actor, Command c, String event) {
        AccountId account = accountOf(c.request());
        Set<Role> reach = reach(actor, account);
        if (actor.user().equals(requesterOf(c.request())) || reach.isEmpty()) {
            return Expected.refused(NotAuthorisedException.class);
        }
        return hasAuthority(reach, c.request()) ? Expected.changes(Set.of("priceRequests"), event)
                : Expected.refused(AuthorityExceededException.class);
    }

    // ------------------------------------------------------------ running a case and reading the change

    private static final AccountId NEW_ACCOUNT = new AccountId("N-1");

    /** Runs the command; returns the Keyline exception it threw, or null when it succeeded. */
    private static KeylineException run(KeyAccountServiceFixture world, Actor actor, Command c) {
        try {
            call(world, actor, c);
            return null;
        } catch (KeylineException e) {
            return e;
        }
    }

    private static void call(KeyAccountServiceFixture world, Actor actor, Command c) {
        AccountId target = c.target();
        LocalDate today = LocalDate.of(2026, 3, 2);
        switch (c.kind()) {
            case REGISTER -> world.accounts.register(actor, NEW_ACCOUNT, "New customer", SUZHOU, Industry.FINANCE);
            case ASSIGN_MANAGER -> world.accounts.assignManager(actor, target, new UserId("u9"));
            case ASSIGN_TEAM -> world.accounts.assignTeam(actor, target, new AccountTeam(CHEN.user(), GAO.user(), SUN.user()));
            case ACTIVATE -> world.accounts.activate(actor, target);
            case UPDATE_PROFILE -> world.accounts.updateProfile(actor, target, new AccountProfile(3, Money.cny("1000.00"),
                    BigDecimal.ZERO, Money.cny("10.00"), BigDecimal.ONE, true, true, 2, 40L));
            case FLAG_POTENTIAL -> world.accounts.flagPotential(actor, target,
                    new PotentialFlags(true, Optional.of(InfluencerKind.PROPERTY_DEVELOPER), Optional.empty()));
            case EXIT -> world.accounts.exit(actor, target, "left");
            case OVERRIDE_AS_REQUESTER -> world.accounts.overrideTier(actor, c.other(), target, Tier.NATIONAL, "strategic");
            case OVERRIDE_AS_APPROVER -> world.accounts.overrideTier(c.other(), actor, target, Tier.NATIONAL, "strategic");
            case RECORD_SPEND -> world.accounts.recordSpend(actor, SpendFact.original(new SpendFactId("N-" + target.value()),
                    target, SUZHOU, YearMonth.of(2026, 2), Money.cny("10.00"), world.clock.instant()));
            case RECORD_UNREGISTERED_SPEND -> world.accounts.recordSpend(actor, SpendFact.original(new SpendFactId("N-C99"),
                    UNREGISTERED, SUZHOU, YearMonth.of(2026, 2), Money.cny("10.00"), world.clock.instant()));
            case CORRECT_SPEND -> world.accounts.correctSpend(actor,
                    KeyAccountServiceFixture.factId(target, YearMonth.of(2026, 2)), new SpendFactId("K-" + target.value()),
                    Money.cny("1.00"));
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

    /** The parts of the storage that differ. */
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

    private static AccountPlanId plan(AccountId account) {
        return new AccountPlanId("P-" + account.value());
    }

    private static ChurnObservations overdue() {
        return new ChurnObservations(Money.cny("5000.00"), Optional.of(LocalDate.of(2025, 10, 1)), List.of());
    }

    private static List<Actor> actors() {
        List<Actor> actors = new ArrayList<>(List.of(WANG, LI, CHEN, TANG));
        for (Role role : Role.values()) {
            if (role != Role.ACCOUNT_MANAGER && role != Role.INDUSTRY_MANAGER) {
                actors.add(Actor.withRoles(new UserId("r" + role.ordinal()), role));
            }
        }
        return List.copyOf(actors);
    }
}
