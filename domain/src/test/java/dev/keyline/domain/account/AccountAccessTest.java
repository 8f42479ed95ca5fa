package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Access;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountAccessTest {

    private static final AccountId BANK = new AccountId("A-BANK");
    private static final AccessScope BANK_IN_SUZHOU = BANK.accessScope(new LocalNetworkId("SZ"), Industry.FINANCE,
            Optional.of(new UserId("wang")));
    private static final UserId REQUESTER = new UserId("zhang.am");

    @Test
    void aKeyAccountsScopeNamesTheAccountAndCarriesItsNetworkIndustryAndManager() {
        assertThat(BANK_IN_SUZHOU.subject()).isEqualTo("account A-BANK");
        assertThat(BANK_IN_SUZHOU.network()).isEqualTo(new LocalNetworkId("SZ"));
        assertThat(BANK_IN_SUZHOU.industry()).isEqualTo(Industry.FINANCE);
        assertThat(BANK_IN_SUZHOU.manager()).contains(new UserId("wang"));
        assertThatThrownBy(() -> Access.requireMayChange(Actor.accountManager(new UserId("zhao")), BANK_IN_SUZHOU,
                "edit the account plan")).hasMessageContaining("on account A-BANK (network SZ, industry");
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
                Arguments.of("requester", (Runnable) () -> AccountAccess.mayApproveTierOverride(gm, BANK_IN_SUZHOU, null)),
                Arguments.of("actor", (Runnable) () -> AccountAccess.requireMayApproveTierOverride(null, BANK_IN_SUZHOU, REQUESTER)),
                Arguments.of("scope", (Runnable) () -> AccountAccess.roleGrantingTierOverride(gm, null, REQUESTER)),
                Arguments.of("network", (Runnable) () -> BANK.accessScope(null, Industry.FINANCE, Optional.empty())),
                Arguments.of("industry", (Runnable) () -> BANK.accessScope(new LocalNetworkId("SZ"), null, Optional.empty())),
                Arguments.of("manager", (Runnable) () -> BANK.accessScope(new LocalNetworkId("SZ"), Industry.FINANCE, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void rejectsMissingArgumentsNamingThem(String argument, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument));
    }
}
