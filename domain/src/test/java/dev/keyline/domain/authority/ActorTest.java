package dev.keyline.domain.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.UserId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActorTest {

    private static final UserId USER = new UserId("li.wei");
    private static final AccountId BANK = new AccountId("A-BANK");

    @Test
    void copiesItsSetsSoLaterChangesToTheCallersSetsDoNotLeakIn() {
        Set<Role> roles = new HashSet<>(Set.of(Role.ACCOUNT_MANAGER));
        Set<AccountId> accounts = new HashSet<>(Set.of(BANK));
        Actor actor = new Actor(USER, roles, Set.of(), accounts);
        roles.add(Role.GENERAL_MANAGER);
        accounts.add(new AccountId("A-OTHER"));
        assertThat(actor.roles()).containsExactly(Role.ACCOUNT_MANAGER);
        assertThat(actor.accounts()).containsExactly(BANK);
        assertThatThrownBy(() -> actor.roles().add(Role.GENERAL_MANAGER)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> actor.accounts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void factoriesBuildTheUsualActors() {
        Actor am = Actor.accountManager(USER, List.of(BANK));
        assertThat(am.hasRole(Role.ACCOUNT_MANAGER)).isTrue();
        assertThat(am.isAssignedTo(BANK)).isTrue();
        assertThat(am.isAssignedTo(new AccountId("A-OTHER"))).isFalse();

        Actor im = Actor.industryManager(USER, List.of(Industry.FINANCE));
        assertThat(im.leadsIndustry(Industry.FINANCE)).isTrue();
        assertThat(im.leadsIndustry(Industry.TOURISM)).isFalse();

        Actor both = Actor.withRoles(USER, Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(both.roles()).containsExactly(Role.FINANCIAL_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER);
        assertThat(both.is(USER)).isTrue();
        assertThat(both.is(new UserId("someone.else"))).isFalse();
        assertThat(both.toString()).contains("li.wei").contains("FINANCIAL_MANAGER");
    }

    @Test
    void equalActorsAreEqualWhateverTheOrderOfTheirSets() {
        Actor a = new Actor(USER, Set.of(Role.ACCOUNT_MANAGER, Role.INDUSTRY_MANAGER), Set.of(Industry.FINANCE, Industry.TOURISM),
                Set.of(BANK, new AccountId("A-2")));
        Actor b = new Actor(USER, new HashSet<>(List.of(Role.INDUSTRY_MANAGER, Role.ACCOUNT_MANAGER)),
                new HashSet<>(List.of(Industry.TOURISM, Industry.FINANCE)), new HashSet<>(List.of(new AccountId("A-2"), BANK)));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    static Stream<Arguments> invalidActors() {
        Set<Role> withNull = new HashSet<>(Arrays.asList(Role.ACCOUNT_MANAGER, null));
        Set<AccountId> accountsWithNull = new HashSet<>(Arrays.asList(BANK, null));
        return Stream.of(
                Arguments.of("user", null, Set.of(Role.GENERAL_MANAGER), Set.of(), Set.of()),
                Arguments.of("roles", USER, null, Set.of(), Set.of()),
                Arguments.of("roles", USER, Set.of(), Set.of(), Set.of()),
                Arguments.of("roles[1]", USER, withNull, Set.of(), Set.of()),
                Arguments.of("industries", USER, Set.of(Role.GENERAL_MANAGER), null, Set.of()),
                Arguments.of("industries", USER, Set.of(Role.ACCOUNT_MANAGER), Set.of(Industry.FINANCE), Set.of()),
                Arguments.of("accounts", USER, Set.of(Role.ACCOUNT_MANAGER), Set.of(), null),
                Arguments.of("accounts", USER, Set.of(Role.INDUSTRY_MANAGER), Set.of(), Set.of(BANK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidActors")
    void rejectsInvalidComponentsNamingThem(String argument, UserId user, Set<Role> roles, Set<Industry> industries,
            Set<AccountId> accounts) {
        assertThatThrownBy(() -> new Actor(user, roles, industries, accounts))
                .isInstanceOfSatisfying(InvalidArgumentException.class,
                        e -> assertThat(e.argument()).startsWith(argument.replace("[1]", "[")));
    }

    @Test
    void rejectsANullAccountInsideTheSet() {
        Set<AccountId> accounts = new HashSet<>(Arrays.asList(BANK, null));
        assertThatThrownBy(() -> Actor.accountManager(USER, accounts))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).startsWith("accounts["));
    }

    @Test
    void queriesRejectNull() {
        Actor actor = Actor.withRoles(USER, Role.GENERAL_MANAGER);
        assertThatThrownBy(() -> actor.hasRole(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> actor.isAssignedTo(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> actor.leadsIndustry(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> actor.is(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Actor.withRoles(USER, null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Actor.withRoles(USER, Role.GENERAL_MANAGER, (Role) null))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
