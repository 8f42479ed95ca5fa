package dev.keyline.domain.account;

import static dev.keyline.domain.authority.AuthorityGenerators.accessScopes;
import static dev.keyline.domain.authority.AuthorityGenerators.actors;
import static dev.keyline.domain.authority.AuthorityGenerators.userIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import org.junit.jupiter.api.Test;

/**
 * The key-account access rule (who approves a tier override), for random actors, accounts and
 * requesters, against a plain statement of the rule written here.
 */
class AccountAccessProperties {

    /** The rule for approving a tier override, stated independently. */
    private static boolean oracleMayApproveOverride(Actor actor, AccessScope scope, UserId requester) {
        if (actor.user().equals(requester)) {
            return false;
        }
        return (actor.roles().contains(Role.INDUSTRY_MANAGER) && actor.industries().contains(scope.industry()))
                || actor.roles().contains(Role.GENERAL_MANAGER)
                || actor.roles().contains(Role.DEPARTMENT_GENERAL_MANAGER);
    }

    @Test
    void approvingATierOverrideNeedsAuthorityAndAnotherPerson() {
        qt().withExamples(2000).forAll(actors(), accessScopes(), userIds()).checkAssert((actor, scope, requester) -> {
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
                        .hasMessageContaining(scope.subject())
                        .hasMessageContaining("tier override");
            }
        });
    }
}
