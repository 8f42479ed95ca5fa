package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.domain.common.UserId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

class AccountAccessTest {

    private static final AccountId BANK = new AccountId("A-BANK");
    private static final AccountScope BANK_IN_SUZHOU = new AccountScope(BANK, new LocalNetworkId("SZ"), Industry.FINANCE,
            java.util.Optional.of(new UserId("wang")));
    private static final UserId REQUESTER = new UserId("zhang.am");

    @Test
    void theAccountManagerChangesOnlyTheAccountsWhoseStoredManagerTheyAre() {
        Actor own = Actor.accountManager(new UserId("wang"));
        Actor other = Actor.accountManager(new UserId("zhao"));
        AccountScope unmanaged = new AccountScope(BANK, new LocalNetworkId("SZ"), Industry.FINANCE);
        assertThat(AccountAccess.mayChange(own, unmanaged)).isFalse();
        assertThat(AccountAccess.requireMayChange(own, BANK_IN_SUZHOU, "edit the account plan")).isEqualTo(Role.ACCOUNT_MANAGER);
        assertThat(AccountAccess.mayChange(other, BANK_IN_SUZHOU)).isFalse();
        assertThatThrownBy(() -> AccountAccess.requireMayChange(other, BANK_IN_SUZHOU, "edit the account plan"))
                .isInstanceOfSatisfying(NotAuthorisedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.NOT_AUTHORISED))
                .hasMessageContaining("zhao")
                .hasMessageContaining("A-BANK")
                .hasMessageContaining("edit the account plan");
    }

    @Test
    void theIndustryManagerChangesEveryAccountOfTheirIndustries() {
        Actor finance = Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE, Industry.TOURISM));
        Actor tourism = Actor.industryManager(new UserId("liu"), List.of(Industry.TOURISM));
        assertThat(AccountAccess.roleGrantingChange(finance, BANK_IN_SUZHOU)).contains(Role.INDUSTRY_MANAGER);
        assertThat(AccountAccess.mayChange(tourism, BANK_IN_SUZHOU)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"GENERAL_MANAGER", "DEPARTMENT_GENERAL_MANAGER"})
    void theGeneralManagersChangeAnyAccount(Role role) {
        assertThat(AccountAccess.requireMayChange(Actor.withRoles(new UserId("boss"), role), BANK_IN_SUZHOU, "close it"))
                .isEqualTo(role);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TECHNICAL_MANAGER", "BUSINESS_MANAGER", "FINANCIAL_MANAGER",
        "MARKETING_MANAGER", "NETWORK_CENTRE_MANAGER", "STATION_MANAGER", "STATION_EXECUTOR"})
    void otherRolesChangeNoAccount(Role role) {
        Actor actor = Actor.withRoles(new UserId("someone"), role);
        assertThat(AccountAccess.mayChange(actor, BANK_IN_SUZHOU)).isFalse();
        assertThatThrownBy(() -> AccountAccess.requireMayChange(actor, BANK_IN_SUZHOU, "change the tier"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining(role.name());
    }

    @Test
    void theMostSpecificGrantingRoleIsReported() {
        Actor both = new Actor(new UserId("wang"), java.util.Set.of(Role.ACCOUNT_MANAGER, Role.GENERAL_MANAGER),
                java.util.Set.of());
        assertThat(AccountAccess.roleGrantingChange(both, BANK_IN_SUZHOU)).contains(Role.ACCOUNT_MANAGER);
        assertThat(AccountAccess.rolesGrantingChange(both, BANK_IN_SUZHOU))
                .containsExactly(Role.ACCOUNT_MANAGER, Role.GENERAL_MANAGER);
    }

    @Test
    void anAccountManagerNeitherRegistersNorAssignsButTheIndustryManagerDoes() {
        Actor manager = Actor.accountManager(new UserId("wang"));
        assertThatThrownBy(() -> AccountAccess.requireMayAssign(manager, BANK_IN_SUZHOU, "assign the account manager"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("wang")
                .hasMessageContaining("assign the account manager");
        assertThat(AccountAccess.requireMayAssign(Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE)),
                BANK_IN_SUZHOU, "assign the account manager")).isEqualTo(Role.INDUSTRY_MANAGER);
    }

    @Test
    void aTierOverrideIsApprovedByTheIndustryManagerOrTheGeneralManagersButNeverByItsRequester() {
        Actor industryManager = Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE));
        Actor otherIndustry = Actor.industryManager(new UserId("liu"), List.of(Industry.TOURISM));
        Actor dgm = Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER);
        Actor accountManager = Actor.accountManager(new UserId("wang"));

        assertThat(AccountAccess.requireMayApproveTierOverride(industryManager, BANK_IN_SUZHOU, REQUESTER))
                .isEqualTo(Role.INDUSTRY_MANAGER);
        assertThat(AccountAccess.requireMayApproveTierOverride(dgm, BANK_IN_SUZHOU, REQUESTER))
                .isEqualTo(Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(AccountAccess.mayApproveTierOverride(otherIndustry, BANK_IN_SUZHOU, REQUESTER)).isFalse();
        assertThatThrownBy(() -> AccountAccess.requireMayApproveTierOverride(accountManager, BANK_IN_SUZHOU, REQUESTER))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("wang").hasMessageContaining("A-BANK");
        assertThatThrownBy(() -> AccountAccess.requireMayApproveTierOverride(dgm, BANK_IN_SUZHOU, dgm.user()))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("requested themselves");
    }

    static Stream<Arguments> nullArguments() {
        Actor gm = Actor.withRoles(new UserId("boss"), Role.GENERAL_MANAGER);
        return Stream.of(
                Arguments.of("actor", (Runnable) () -> AccountAccess.mayChange(null, BANK_IN_SUZHOU)),
                Arguments.of("scope", (Runnable) () -> AccountAccess.mayChange(gm, null)),
                Arguments.of("attempted", (Runnable) () -> AccountAccess.requireMayChange(gm, BANK_IN_SUZHOU, " ")),
                Arguments.of("attempted", (Runnable) () -> AccountAccess.requireMayChange(gm, BANK_IN_SUZHOU, null)),
                Arguments.of("requester", (Runnable) () -> AccountAccess.mayApproveTierOverride(gm, BANK_IN_SUZHOU, null)),
                Arguments.of("actor", (Runnable) () -> AccountAccess.requireMayApproveTierOverride(null, BANK_IN_SUZHOU, REQUESTER)),
                Arguments.of("account", (Runnable) () -> new AccountScope(null, new LocalNetworkId("SZ"), Industry.FINANCE)),
                Arguments.of("network", (Runnable) () -> new AccountScope(BANK, null, Industry.FINANCE)),
                Arguments.of("industry", (Runnable) () -> new AccountScope(BANK, new LocalNetworkId("SZ"), null)),
                Arguments.of("accountManager", (Runnable) () -> new AccountScope(BANK, new LocalNetworkId("SZ"),
                        Industry.FINANCE, null)),
                Arguments.of("user", (Runnable) () -> BANK_IN_SUZHOU.isManagedBy(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void rejectsMissingArgumentsNamingThem(String argument, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument));
    }
}
