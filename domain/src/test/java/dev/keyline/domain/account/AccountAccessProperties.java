package dev.keyline.domain.account;

import static dev.keyline.domain.authority.AuthorityGenerators.accountScopes;
import static dev.keyline.domain.authority.AuthorityGenerators.actors;
import static dev.keyline.domain.authority.AuthorityGenerators.userIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.UserId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * The access scope of every role, for random actors and accounts, against a plain statement of the
 * rules written here.
 */
class AccountAccessProperties {

    /** The rule for changing an account, stated independently. */
    private static boolean oracleMayChange(Actor actor, AccountScope scope) {
        boolean ownAccount = actor.roles().contains(Role.ACCOUNT_MANAGER)
                && scope.accountManager().isPresent() && scope.accountManager().get().equals(actor.user());
        boolean ownIndustry = actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(scope.industry());
        boolean everyAccount = actor.roles().contains(Role.GENERAL_MANAGER)
                || actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER);
        return ownAccount || ownIndustry || everyAccount;
    }

    /** The rule for registering an account or assigning its manager, stated independently. */
    private static boolean oracleMayAssign(Actor actor, AccountScope scope) {
        return (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(scope.industry()))
                || actor.roles().contains(Role.GENERAL_MANAGER)
                || actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    /** The rule for approving a tier override, stated independently. */
    private static boolean oracleMayApproveOverride(Actor actor, AccountScope scope, UserId requester) {
        if (actor.user().equals(requester)) {
            return false;
        }
        return (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(scope.industry()))
                || actor.roles().contains(Role.GENERAL_MANAGER)
                || actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    @Test
    void changingAnAccountFollowsEachRolesScope() {
        qt().withExamples(2000).forAll(actors(), accountScopes()).checkAssert((actor, scope) -> {
            boolean expected = oracleMayChange(actor, scope);
            assertThat(AccountAccess.mayChange(actor, scope)).as("%s on %s", actor, scope).isEqualTo(expected);
            if (expected) {
                Role role = AccountAccess.requireMayChange(actor, scope, "edit the account plan");
                assertThat(actor.roles()).contains(role);
                assertThat(AccountAccess.roleGrantingChange(actor, scope)).contains(role);
            } else {
                assertThatThrownBy(() -> AccountAccess.requireMayChange(actor, scope, "edit the account plan"))
                        .isInstanceOf(NotAuthorisedException.class)
                        .hasMessageContaining(actor.user().value())
                        .hasMessageContaining(scope.account().value())
                        .hasMessageContaining("edit the account plan");
            }
        });
    }

    @Test
    void everyGrantingRoleIsHeldAndTheFirstIsTheOneReported() {
        qt().withExamples(2000).forAll(actors(), accountScopes()).checkAssert((actor, scope) -> {
            Set<Role> granting = AccountAccess.rolesGrantingChange(actor, scope);
            assertThat(actor.roles()).containsAll(granting);
            assertThat(granting.isEmpty()).isEqualTo(!oracleMayChange(actor, scope));
            assertThat(granting.contains(Role.ACCOUNT_MANAGER)).isEqualTo(actor.roles().contains(Role.ACCOUNT_MANAGER)
                    && scope.accountManager().filter(actor.user()::equals).isPresent());
            assertThat(AccountAccess.roleGrantingChange(actor, scope)).isEqualTo(granting.stream().findFirst());
        });
    }

    @Test
    void registeringOrAssigningIsForTheIndustryManagerAndTheGeneralManagersOnly() {
        qt().withExamples(2000).forAll(actors(), accountScopes()).checkAssert((actor, scope) -> {
            assertThat(AccountAccess.mayAssign(actor, scope)).as("%s assigning on %s", actor, scope)
                    .isEqualTo(oracleMayAssign(actor, scope));
            if (oracleMayAssign(actor, scope)) {
                assertThat(AccountAccess.requireMayAssign(actor, scope, "assign the account manager"))
                        .isIn(Role.INDUSTRY_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);
            } else {
                assertThatThrownBy(() -> AccountAccess.requireMayAssign(actor, scope, "assign the account manager"))
                        .isInstanceOf(NotAuthorisedException.class)
                        .hasMessageContaining(actor.user().value())
                        .hasMessageContaining("assign the account manager");
            }
        });
    }

    @Test
    void approvingATierOverrideNeedsAuthorityAndAnotherPerson() {
        qt().withExamples(2000).forAll(actors(), accountScopes(), userIds()).checkAssert((actor, scope, requester) -> {
            boolean expected = oracleMayApproveOverride(actor, scope, requester);
            assertThat(AccountAccess.mayApproveTierOverride(actor, scope, requester))
                    .as("%s approving override of %s requested by %s", actor, scope, requester).isEqualTo(expected);
            if (expected) {
                Role role = AccountAccess.requireMayApproveTierOverride(actor, scope, requester);
                assertThat(role).isIn(Role.INDUSTRY_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);
                assertThat(actor.roles()).contains(role);
            } else {
                assertThatThrownBy(() -> AccountAccess.requireMayApproveTierOverride(actor, scope, requester))
                        .isInstanceOf(NotAuthorisedException.class)
                        .hasMessageContaining(actor.user().value())
                        .hasMessageContaining(scope.account().value())
                        .hasMessageContaining("tier override");
            }
        });
    }
}
