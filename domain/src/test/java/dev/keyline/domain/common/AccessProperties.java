package dev.keyline.domain.common;

import static dev.keyline.domain.authority.AuthorityGenerators.accessScopes;
import static dev.keyline.domain.authority.AuthorityGenerators.actors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access scope of every role, for random actors and scopes, against a plain statement of the
 * rules written here.
 */
class AccessProperties {

    /** The rule for changing something, stated independently. */
    private static boolean oracleMayChange(Actor actor, AccessScope scope) {
        boolean ownAccount = actor.roles().contains(Role.ACCOUNT_MANAGER)
                && scope.manager().isPresent() && scope.manager().get().equals(actor.user());
        boolean ownIndustry = actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(scope.industry());
        boolean everyAccount = actor.roles().contains(Role.GENERAL_MANAGER)
                || actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER);
        return ownAccount || ownIndustry || everyAccount;
    }

    /** The rule for registering something or assigning its manager, stated independently. */
    private static boolean oracleMayAssign(Actor actor, AccessScope scope) {
        return (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(scope.industry()))
                || actor.roles().contains(Role.GENERAL_MANAGER)
                || actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    @Test
    void changingFollowsEachRolesScope() {
        qt().withExamples(2000).forAll(actors(), accessScopes()).checkAssert((actor, scope) -> {
            boolean expected = oracleMayChange(actor, scope);
            assertThat(Access.mayChange(actor, scope)).as("%s on %s", actor, scope).isEqualTo(expected);
            if (expected) {
                Role role = Access.requireMayChange(actor, scope, "edit the account plan");
                assertThat(actor.roles()).contains(role);
                assertThat(Access.roleGrantingChange(actor, scope)).contains(role);
            } else {
                assertThatThrownBy(() -> Access.requireMayChange(actor, scope, "edit the account plan"))
                        .isInstanceOf(NotAuthorisedException.class)
                        .hasMessageContaining(actor.user().value())
                        .hasMessageContaining(scope.subject())
                        .hasMessageContaining("edit the account plan");
            }
        });
    }

    @Test
    void everyGrantingRoleIsHeldAndTheFirstIsTheOneReported() {
        qt().withExamples(2000).forAll(actors(), accessScopes()).checkAssert((actor, scope) -> {
            Set<Role> granting = Access.rolesGrantingChange(actor, scope);
            assertThat(actor.roles()).containsAll(granting);
            assertThat(granting.isEmpty()).isEqualTo(!oracleMayChange(actor, scope));
            assertThat(granting.contains(Role.ACCOUNT_MANAGER)).isEqualTo(actor.roles().contains(Role.ACCOUNT_MANAGER)
                    && scope.manager().filter(actor.user()::equals).isPresent());
            assertThat(Access.roleGrantingChange(actor, scope)).isEqualTo(granting.stream().findFirst());
        });
    }

    @Test
    void registeringOrAssigningIsForTheIndustryManagerAndTheGeneralManagersOnly() {
        qt().withExamples(2000).forAll(actors(), accessScopes()).checkAssert((actor, scope) -> {
            assertThat(Access.mayAssign(actor, scope)).as("%s assigning on %s", actor, scope)
                    .isEqualTo(oracleMayAssign(actor, scope));
            if (oracleMayAssign(actor, scope)) {
                assertThat(Access.requireMayAssign(actor, scope, "assign the account manager"))
                        .isIn(Role.INDUSTRY_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);
                assertThat(Access.roleGrantingAssignment(actor, scope))
                        .contains(Access.requireMayAssign(actor, scope, "assign the account manager"));
            } else {
                assertThatThrownBy(() -> Access.requireMayAssign(actor, scope, "assign the account manager"))
                        .isInstanceOf(NotAuthorisedException.class)
                        .hasMessageContaining(actor.user().value())
                        .hasMessageContaining("assign the account manager");
                assertThat(Access.roleGrantingAssignment(actor, scope)).isEmpty();
            }
        });
    }
}
