package dev.keyline.runtime.account;

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
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNREGISTERED;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.authority.Actor;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.authority.Role;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.tck.account.AreaState;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The access rules of every command of the key-account services, checked against an independent
 * statement of them over random actors: an account manager changes only their own accounts, an
 * industry manager those of their industries, the department general manager and the general
 * manager any; a tier override needs an approver who is an industry manager of the account's
 * industry or a general manager and not the requester; a reclassification and the spend of an
 * unregistered customer need a general manager; floor prices need the financial manager.
 *
 * <p>For each random actor and command: when the rules refuse, the command throws
 * {@link NotAuthorisedException} and the storage (every repository and the outbox) is exactly as
 * before; when they allow, the command is never refused for access, and whenever it fails for
 * another reason the storage is unchanged too.
 */
class ServiceAccessProperties {

    private static final List<AccountId> TARGETS = List.of(BANK, HOTEL, KeyAccountServiceFixture.UNIVERSITY,
            KeyAccountServiceFixture.SHOP, KeyAccountServiceFixture.SOFTWARE);
    private static final List<UserId> USERS = List.of(WANG.user(), LI.user(), CHEN.user(), new UserId("u1"),
            new UserId("u2"));
    private static final Map<AccountId, Industry> INDUSTRIES = Map.of(BANK, Industry.FINANCE, HOTEL, Industry.TOURISM,
            KeyAccountServiceFixture.UNIVERSITY, Industry.SCIENCE_EDUCATION_CULTURE_HEALTH,
            KeyAccountServiceFixture.SHOP, Industry.COMMERCE_TRADE, KeyAccountServiceFixture.SOFTWARE, Industry.INFORMATION);
    private static final List<Actor> APPROVERS = List.of(ZHOU, MA, WANG, LI, CHEN, SUN, GAO);

    /** The commands, each with what it needs: a target account and, for overrides, the other person. */
    enum Kind {
        REGISTER, ASSIGN_MANAGER, ASSIGN_TEAM, ACTIVATE, UPDATE_PROFILE, FLAG_POTENTIAL, EXIT, EVALUATE_CHURN,
        CLEAR_CHURN_WARNING, RECORD_SPEND, RECORD_UNREGISTERED_SPEND, CORRECT_SPEND, OVERRIDE_AS_REQUESTER,
        OVERRIDE_AS_APPROVER, RECLASSIFY, DRAW_PLAN, ADD_PLAN_ACTION, PLAN_PROGRESS, REQUEST_PRICE, SET_FLOOR_PRICE
    }

    /**
     * One random case.
     *
     * @param actor who acts
     * @param kind what they do
     * @param target the account concerned
     * @param other the approver (or requester) of an override
     * @param industry the industry of a newly registered account
     */
    record Case(Actor actor, Kind kind, AccountId target, Actor other, Industry industry) {
    }

    @Test
    void everyCommandIsRefusedExactlyWhenTheRulesSayAndARefusalChangesNothing() {
        qt().withExamples(400).forAll(cases()).checkAssert(ServiceAccessProperties::check);
    }

    @Test
    void theGeneralManagersMayDoEveryAccountCommandOnEveryAccount() {
        Gen<Case> generalManagers = in -> {
            Actor actor = Generate.pick(List.of(ZHOU, MA)).generate(in);
            Kind kind = Generate.enumValues(Kind.class).generate(in);
            return new Case(actor, kind, targetOf(kind).generate(in), actor.equals(ZHOU) ? MA : ZHOU,
                    Generate.enumValues(Industry.class).generate(in));
        };
        qt().withExamples(150).forAll(generalManagers).checkAssert(c -> {
            if (c.kind() != Kind.SET_FLOOR_PRICE) {
                assertThat(allowed(c)).as("the rules allow %s", c).isTrue();
            }
            check(c);
        });
    }

    private static void check(Case c) {
        KeyAccountServiceFixture world = new KeyAccountServiceFixture(new InMemoryStorage());
        world.serveSuzhou();
        world.plans.draw(ZHOU, plan(BANK), BANK, Year.of(2026), Money.cny("600000.00"));
        world.plans.draw(ZHOU, plan(HOTEL), HOTEL, Year.of(2026), Money.cny("240000.00"));
        world.churn.evaluateChurn(ZHOU, HOTEL, overdue());
        world.keyline.relay().pumpUntilIdle(20); // commercial authorisation learns of the accounts
        AreaState before = world.state();
        boolean allowed = allowed(c);
        try {
            run(world, c);
            if (!allowed) {
                fail("expected a refusal for " + c);
            }
        } catch (NotAuthorisedException refused) {
            if (allowed) {
                throw new AssertionError("the rules allow " + c + " but it was refused", refused);
            }
            assertThat(world.state()).as("storage and outbox after the refused %s", c).isEqualTo(before);
        } catch (KeylineException failed) {
            assertThat(allowed).as("a command the rules refuse must fail for access first: %s", c).isTrue();
            assertThat(world.state()).as("storage and outbox after the failed %s", c).isEqualTo(before);
        }
    }

    /** The rules, stated independently of the services and of {@code AccountAccess}. */
    private static boolean allowed(Case c) {
        return switch (c.kind()) {
            case REGISTER -> mayChange(c.actor(), newAccount(c), c.industry());
            case RECORD_UNREGISTERED_SPEND, RECLASSIFY -> isGeneralManager(c.actor());
            case SET_FLOOR_PRICE -> c.actor().roles().contains(Role.FINANCIAL_MANAGER);
            case OVERRIDE_AS_REQUESTER -> mayChange(c.actor(), c.target(), INDUSTRIES.get(c.target()))
                    && mayApprove(c.other(), c.target(), c.actor().user());
            case OVERRIDE_AS_APPROVER -> mayChange(c.other(), c.target(), INDUSTRIES.get(c.target()))
                    && mayApprove(c.actor(), c.target(), c.other().user());
            default -> mayChange(c.actor(), c.target(), INDUSTRIES.get(c.target()));
        };
    }

    private static boolean mayChange(Actor actor, AccountId account, Industry industry) {
        return isGeneralManager(actor)
                || (actor.roles().contains(Role.ACCOUNT_MANAGER) && actor.accounts().contains(account))
                || (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(industry));
    }

    private static boolean mayApprove(Actor approver, AccountId account, UserId requester) {
        if (approver.user().equals(requester)) {
            return false;
        }
        return isGeneralManager(approver)
                || (approver.roles().contains(Role.INDUSTRY_MANAGER) && approver.industries().contains(INDUSTRIES.get(account)));
    }

    private static boolean isGeneralManager(Actor actor) {
        return actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER) || actor.roles().contains(Role.GENERAL_MANAGER);
    }

    private static void run(KeyAccountServiceFixture world, Case c) {
        Actor actor = c.actor();
        AccountId target = c.target();
        KeyAccounts accounts = world.accounts;
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
            case EVALUATE_CHURN -> world.churn.evaluateChurn(actor, target, overdue());
            case CLEAR_CHURN_WARNING -> world.churn.clearChurnWarning(actor, target);
            case RECORD_SPEND -> accounts.recordSpend(actor, SpendFact.original(new SpendFactId("N-" + target.value()),
                    target, networkOf(world, target), YearMonth.of(2026, 2), Money.cny("10.00"), world.clock.instant()));
            case RECORD_UNREGISTERED_SPEND -> accounts.recordSpend(actor, SpendFact.original(new SpendFactId("N-C99"),
                    UNREGISTERED, SUZHOU, YearMonth.of(2026, 2), Money.cny("10.00"), world.clock.instant()));
            case CORRECT_SPEND -> accounts.correctSpend(actor, KeyAccountServiceFixture.factId(target, YearMonth.of(2026, 2)),
                    new SpendFactId("K-" + target.value()), Money.cny("1.00"));
            case OVERRIDE_AS_REQUESTER -> accounts.overrideTier(actor, c.other(), target, Tier.NATIONAL, "strategic");
            case OVERRIDE_AS_APPROVER -> accounts.overrideTier(c.other(), actor, target, Tier.NATIONAL, "strategic");
            case RECLASSIFY -> world.reclassifications.reclassify(actor, SUZHOU, LocalDate.of(2026, 3, 2));
            case DRAW_PLAN -> world.plans.draw(actor, new AccountPlanId("P-NEW"), target, Year.of(2027), Money.cny("1.00"));
            case ADD_PLAN_ACTION -> world.plans.addAction(actor, plan(target), "call", actor.user(), LocalDate.of(2026, 5, 1));
            case PLAN_PROGRESS -> world.plans.progress(actor, plan(target), LocalDate.of(2026, 3, 2));
            case REQUEST_PRICE -> world.prices.request(actor, new PriceAuthorisationId("PA-1"),
                    new PriceOffer(target, DDN, Money.cny("1000.00"), Money.cny("990.00")), SUZHOU_FLOORS, "gesture");
            case SET_FLOOR_PRICE -> world.prices.setFloorPrice(actor, SUZHOU_FLOORS, DDN, Money.cny("800.00"));
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        }
    }

    private static dev.keyline.domain.account.LocalNetworkId networkOf(KeyAccountServiceFixture world, AccountId target) {
        return world.accounts.get(target).network();
    }

    private static AccountId newAccount(Case c) {
        return new AccountId("N-" + c.industry().ordinal());
    }

    private static AccountPlanId plan(AccountId account) {
        return new AccountPlanId("P-" + account.value());
    }

    private static dev.keyline.runtime.account.ChurnObservations overdue() {
        return new ChurnObservations(Money.cny("5000.00"), Optional.of(LocalDate.of(2025, 10, 1)), List.of());
    }

    // ------------------------------------------------------------ generators

    private static Gen<Case> cases() {
        Gen<Actor> others = Generate.pick(APPROVERS).mix(actors(), 50);
        return in -> {
            Kind kind = Generate.enumValues(Kind.class).generate(in);
            return new Case(actors().generate(in), kind, targetOf(kind).generate(in), others.generate(in),
                    Generate.enumValues(Industry.class).generate(in));
        };
    }

    /** The accounts a command may concern: only the bank and the hotel group have plans. */
    private static Gen<AccountId> targetOf(Kind kind) {
        return kind == Kind.ADD_PLAN_ACTION || kind == Kind.PLAN_PROGRESS ? Generate.pick(List.of(BANK, HOTEL))
                : Generate.pick(TARGETS);
    }

    /** Random actors: one to three roles, with random industries and accounts where the roles allow them. */
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
            List<AccountId> candidates = new ArrayList<>(TARGETS);
            candidates.add(new AccountId("N-1"));
            candidates.add(new AccountId("Z99"));
            Set<AccountId> assigned = held.contains(Role.ACCOUNT_MANAGER) ? subsetsOf(candidates, 0, 3).generate(in) : Set.of();
            return new Actor(user, held, industries, assigned);
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
