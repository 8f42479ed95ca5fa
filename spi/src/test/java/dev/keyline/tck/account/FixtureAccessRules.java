package dev.keyline.tck.account;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.LI;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SHOP;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SOFTWARE;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNIVERSITY;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The access rules of the key-account and commercial-authorisation services, restated as data for
 * the world of {@link KeyAccountServiceFixture}, independent of the code under test: who manages and
 * which industry holds each account, the discount matrix, and who may change, assign, approve an
 * override or decide a price. The in-memory access properties and the authorisation contract both
 * read their expectations from here, so the rules are stated once.
 */
public final class FixtureAccessRules {

    /** Each account's industry after the set-up. */
    public static final Map<AccountId, Industry> INDUSTRIES = Map.of(BANK, Industry.FINANCE, HOTEL, Industry.TOURISM,
            UNIVERSITY, Industry.SCIENCE_EDUCATION_CULTURE_HEALTH, SHOP, Industry.COMMERCE_TRADE,
            SOFTWARE, Industry.INFORMATION);

    /** Who manages each account after the set-up (the shop has no account manager). */
    public static final Map<AccountId, UserId> MANAGERS = Map.of(BANK, WANG.user(), HOTEL, LI.user(),
            UNIVERSITY, WANG.user(), SOFTWARE, WANG.user());

    /** The matrix of the fixture, restated: account manager 0.05, industry manager 0.15, department GM 0.30. */
    public static final Map<Role, BigDecimal> MAXIMUMS = Map.of(Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
            Role.INDUSTRY_MANAGER, new BigDecimal("0.15"), Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30"));

    /** The open request within the matrix: Wang's 12 % for the bank, at or above the floor. */
    public static final PriceAuthorisationId WITHIN_MATRIX = new PriceAuthorisationId("PA-BANK");

    /** The open request below the floor: Li's 700.00 for the hotel group against a floor of 800.00. */
    public static final PriceAuthorisationId BELOW_FLOOR = new PriceAuthorisationId("PA-HOTEL");

    private FixtureAccessRules() {
    }

    /** The account an open request is for. */
    public static AccountId accountOf(PriceAuthorisationId request) {
        return request.equals(WITHIN_MATRIX) ? BANK : HOTEL;
    }

    /** Who asked for an open request. */
    public static UserId requesterOf(PriceAuthorisationId request) {
        return request.equals(WITHIN_MATRIX) ? WANG.user() : LI.user();
    }

    /** The roles of an actor that reach an account for a price decision. */
    public static Set<Role> reach(Actor actor, AccountId account) {
        Set<Role> reach = EnumSet.noneOf(Role.class);
        for (Role role : actor.roles()) {
            boolean reaches = switch (role) {
                case ACCOUNT_MANAGER -> actor.user().equals(MANAGERS.get(account));
                case INDUSTRY_MANAGER -> actor.industries().contains(INDUSTRIES.get(account));
                case DEPARTMENT_GENERAL_MANAGER, GENERAL_MANAGER, FINANCIAL_MANAGER -> true;
                default -> false;
            };
            if (reaches) {
                reach.add(role);
            }
        }
        return reach;
    }

    /**
     * Whether roles that reach a request's account have the authority to decide it: within the
     * matrix, a role whose maximum is at least 12 %; below the floor, the financial manager or the
     * department general manager.
     */
    public static boolean hasAuthority(Set<Role> reach, PriceAuthorisationId request) {
        if (request.equals(WITHIN_MATRIX)) {
            BigDecimal twelvePercent = new BigDecimal("0.12");
            return reach.stream().map(MAXIMUMS::get).filter(Objects::nonNull)
                    .anyMatch(maximum -> maximum.compareTo(twelvePercent) >= 0);
        }
        return reach.contains(Role.FINANCIAL_MANAGER) || reach.contains(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    /** Whether an actor may change an account. */
    public static boolean mayChange(Actor actor, AccountId account) {
        return isGeneralManager(actor)
                || (actor.roles().contains(Role.ACCOUNT_MANAGER) && actor.user().equals(MANAGERS.get(account)))
                || (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(INDUSTRIES.get(account)));
    }

    /** Whether an actor may assign an account manager in an industry. */
    public static boolean mayAssign(Actor actor, Industry industry) {
        return isGeneralManager(actor)
                || (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(industry));
    }

    /** Whether an approver may approve another's tier override of an account. */
    public static boolean mayApproveOverride(Actor approver, AccountId account, UserId requester) {
        if (approver.user().equals(requester)) {
            return false;
        }
        return isGeneralManager(approver)
                || (approver.roles().contains(Role.INDUSTRY_MANAGER) && approver.industries().contains(INDUSTRIES.get(account)));
    }

    /** Whether an actor is one of the two general managers. */
    public static boolean isGeneralManager(Actor actor) {
        return actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER) || actor.roles().contains(Role.GENERAL_MANAGER);
    }
}
