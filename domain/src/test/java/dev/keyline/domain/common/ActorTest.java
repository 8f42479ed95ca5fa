package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Industry;
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

    @Test
    void copiesItsSetsSoLaterChangesToTheCallersSetsDoNotLeakIn() {
        Set<Role> roles = new HashSet<>(Set.of(Role.INDUSTRY_MANAGER));
        Set<Industry> industries = new HashSet<>(Set.of(Industry.FINANCE));
        Actor actor = new Actor(USER, roles, industries);
        roles.add(Role.GENERAL_MANAGER);
        industries.add(Industry.TOURISM);
        assertThat(actor.roles()).containsExactly(Role.INDUSTRY_MANAGER);
        assertThat(actor.industries()).containsExactly(Industry.FINANCE);
        assertThatThrownBy(() -> actor.roles().add(Role.GENERAL_MANAGER)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> actor.industries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void factoriesBuildTheUsualActors() {
        Actor am = Actor.accountManager(USER);
        assertThat(am.roles()).containsExactly(Role.ACCOUNT_MANAGER);
        assertThat(am.industries()).isEmpty();

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
        Actor a = new Actor(USER, Set.of(Role.ACCOUNT_MANAGER, Role.INDUSTRY_MANAGER), Set.of(Industry.FINANCE, Industry.TOURISM));
        Actor b = new Actor(USER, new HashSet<>(List.of(Role.INDUSTRY_MANAGER, Role.ACCOUNT_MANAGER)),
                new HashSet<>(List.of(Industry.TOURISM, Industry.FINANCE)));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    static Stream<Arguments> invalidActors() {
        Set<Role> withNull = new HashSet<>(Arrays.asList(Role.ACCOUNT_MANAGER, null));
        Set<Industry> industriesWithNull = new HashSet<>(Arrays.asList(Industry.FINANCE, null));
        return Stream.of(
                Arguments.of("user", null, Set.of(Role.GENERAL_MANAGER), Set.of()),
                Arguments.of("roles", USER, null, Set.of()),
                Arguments.of("roles", USER, Set.of(), Set.of()),
                Arguments.of("roles[1]", USER, withNull, Set.of()),
                Arguments.of("industries", USER, Set.of(Role.GENERAL_MANAGER), null),
                Arguments.of("industries[1]", USER, Set.of(Role.INDUSTRY_MANAGER), industriesWithNull),
                Arguments.of("industries", USER, Set.of(Role.ACCOUNT_MANAGER), Set.of(Industry.FINANCE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidActors")
    void rejectsInvalidComponentsNamingThem(String argument, UserId user, Set<Role> roles, Set<Industry> industries) {
        assertThatThrownBy(() -> new Actor(user, roles, industries))
                .isInstanceOfSatisfying(InvalidArgumentException.class,
                        e -> assertThat(e.argument()).startsWith(argument.replace("[1]", "[")));
    }

    @Test
    void queriesRejectNull() {
        Actor actor = Actor.withRoles(USER, Role.GENERAL_MANAGER);
        assertThatThrownBy(() -> actor.hasRole(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> Actor.accountManager(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> actor.leadsIndustry(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> actor.is(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Actor.withRoles(USER, null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Actor.withRoles(USER, Role.GENERAL_MANAGER, (Role) null))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
