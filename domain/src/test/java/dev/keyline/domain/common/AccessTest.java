package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AccessTest {

    private static final String BANK = "account A-BANK";
    private static final AccessScope BANK_IN_SUZHOU = new AccessScope(BANK, new LocalNetworkId("SZ"), Industry.FINANCE,
            Optional.of(new UserId("wang")));

    @Test
    void theAccountManagerChangesOnlyWhatTheyAreTheRecordedManagerOf() {
        Actor own = Actor.accountManager(new UserId("wang"));
        Actor other = Actor.accountManager(new UserId("zhao"));
        AccessScope unmanaged = new AccessScope(BANK, new LocalNetworkId("SZ"), Industry.FINANCE);
        assertThat(Access.mayChange(own, unmanaged)).isFalse();
        assertThat(Access.requireMayChange(own, BANK_IN_SUZHOU, "edit the account plan")).isEqualTo(Role.ACCOUNT_MANAGER);
        assertThat(Access.mayChange(other, BANK_IN_SUZHOU)).isFalse();
        assertThatThrownBy(() -> Access.requireMayChange(other, BANK_IN_SUZHOU, "edit the account plan"))
                .isInstanceOfSatisfying(NotAuthorisedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.NOT_AUTHORISED))
                .hasMessageContaining("zhao")
                .hasMessageContaining("A-BANK")
                .hasMessageContaining("edit the account plan");
    }

    @Test
    void theMessagesNameTheScopeWithItsNetworkIndustryAndManager() {
        Actor other = Actor.accountManager(new UserId("zhao"));
        assertThatThrownBy(() -> Access.requireMayChange(other, BANK_IN_SUZHOU, "edit the account plan"))
                .hasMessageContaining("may not edit the account plan on account A-BANK (network SZ, industry "
                        + Industry.FINANCE + ", account manager wang): only its account manager, an industry manager of "
                        + Industry.FINANCE + ", the department general manager or the general manager may change it");
        assertThat(new AccessScope(BANK, new LocalNetworkId("SZ"), Industry.FINANCE))
                .hasToString("account A-BANK (network SZ, industry " + Industry.FINANCE + ", no account manager)");
    }

    @Test
    void theIndustryManagerChangesEverythingOfTheirIndustries() {
        Actor finance = Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE, Industry.TOURISM));
        Actor tourism = Actor.industryManager(new UserId("liu"), List.of(Industry.TOURISM));
        assertThat(Access.roleGrantingChange(finance, BANK_IN_SUZHOU)).contains(Role.INDUSTRY_MANAGER);
        assertThat(Access.mayChange(tourism, BANK_IN_SUZHOU)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"GENERAL_MANAGER", "DEPARTMENT_GENERAL_MANAGER"})
    void theGeneralManagersChangeAnything(Role role) {
        assertThat(Access.requireMayChange(Actor.withRoles(new UserId("boss"), role), BANK_IN_SUZHOU, "close it"))
                .isEqualTo(role);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TECHNICAL_MANAGER", "BUSINESS_MANAGER", "FINANCIAL_MANAGER",
        "MARKETING_MANAGER", "NETWORK_CENTRE_MANAGER", "STATION_MANAGER", "STATION_EXECUTOR"})
    void otherRolesChangeNothing(Role role) {
        Actor actor = Actor.withRoles(new UserId("someone"), role);
        assertThat(Access.mayChange(actor, BANK_IN_SUZHOU)).isFalse();
        assertThatThrownBy(() -> Access.requireMayChange(actor, BANK_IN_SUZHOU, "change the tier"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining(role.name());
    }

    @Test
    void theMostSpecificGrantingRoleIsReported() {
        Actor both = new Actor(new UserId("wang"), java.util.Set.of(Role.ACCOUNT_MANAGER, Role.GENERAL_MANAGER),
                java.util.Set.of());
        assertThat(Access.roleGrantingChange(both, BANK_IN_SUZHOU)).contains(Role.ACCOUNT_MANAGER);
        assertThat(Access.rolesGrantingChange(both, BANK_IN_SUZHOU))
                .containsExactly(Role.ACCOUNT_MANAGER, Role.GENERAL_MANAGER);
    }

    @Test
    void anAccountManagerNeitherRegistersNorAssignsButTheIndustryManagerDoes() {
        Actor manager = Actor.accountManager(new UserId("wang"));
        assertThatThrownBy(() -> Access.requireMayAssign(manager, BANK_IN_SUZHOU, "assign the account manager"))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("wang")
                .hasMessageContaining("assign the account manager");
        assertThat(Access.requireMayAssign(Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE)),
                BANK_IN_SUZHOU, "assign the account manager")).isEqualTo(Role.INDUSTRY_MANAGER);
        assertThat(Access.roleGrantingAssignment(manager, BANK_IN_SUZHOU)).isEmpty();
        assertThat(Access.roleGrantingAssignment(Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER,
                Role.GENERAL_MANAGER), BANK_IN_SUZHOU)).contains(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    static Stream<Arguments> nullArguments() {
        Actor gm = Actor.withRoles(new UserId("boss"), Role.GENERAL_MANAGER);
        return Stream.of(
                Arguments.of("actor", (Runnable) () -> Access.mayChange(null, BANK_IN_SUZHOU)),
                Arguments.of("scope", (Runnable) () -> Access.mayChange(gm, null)),
                Arguments.of("attempted", (Runnable) () -> Access.requireMayChange(gm, BANK_IN_SUZHOU, " ")),
                Arguments.of("attempted", (Runnable) () -> Access.requireMayChange(gm, BANK_IN_SUZHOU, null)),
                Arguments.of("actor", (Runnable) () -> Access.mayAssign(null, BANK_IN_SUZHOU)),
                Arguments.of("scope", (Runnable) () -> Access.requireMayAssign(gm, null, "assign the account manager")),
                Arguments.of("subject", (Runnable) () -> new AccessScope(null, new LocalNetworkId("SZ"), Industry.FINANCE)),
                Arguments.of("subject", (Runnable) () -> new AccessScope(" ", new LocalNetworkId("SZ"), Industry.FINANCE)),
                Arguments.of("network", (Runnable) () -> new AccessScope(BANK, null, Industry.FINANCE)),
                Arguments.of("industry", (Runnable) () -> new AccessScope(BANK, new LocalNetworkId("SZ"), null)),
                Arguments.of("manager", (Runnable) () -> new AccessScope(BANK, new LocalNetworkId("SZ"),
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
