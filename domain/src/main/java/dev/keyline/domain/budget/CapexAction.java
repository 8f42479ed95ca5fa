package dev.keyline.domain.budget;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person does to a {@link CapexProject}, and which of the kernel's roles may do it:
 *
 * <ul>
 *   <li>the network centre's manager (网络中心经理), the key-account department's general manager (for
 *       a key-account solution) and the general manager propose projects;</li>
 *   <li>the network centre's manager and the general manager run the feasibility study, start
 *       construction, book commitments and actuals and accept the completed project (竣工验收); the
 *       financial manager (财务经理), who books on the budget line, books on the project too;</li>
 *   <li>only the general manager (总经理), for the company meeting that confirms projects and funds,
 *       approves (立项), rejects, cancels and evaluates a project.</li>
 * </ul>
 *
 * A project is the local network's, not a key account's, so no account manager or industry
 * manager acts on it.
 */
public enum CapexAction {
    /** Propose a project. */
    PROPOSE("propose", Role.NETWORK_CENTRE_MANAGER, Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER),
    /** Start the feasibility study. */
    STUDY("start the feasibility study of", Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER),
    /** Approve (立项). */
    APPROVE("approve", Role.GENERAL_MANAGER),
    /** Reject before approval. */
    REJECT("reject", Role.GENERAL_MANAGER),
    /** Start construction. */
    BUILD("start the construction of", Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER),
    /** Book a commitment, its reversal or an actual cost. */
    BOOK("book amounts on", Role.NETWORK_CENTRE_MANAGER, Role.FINANCIAL_MANAGER, Role.GENERAL_MANAGER),
    /** Accept the completed project (竣工验收). */
    ACCEPT("accept", Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER),
    /** Record the post-evaluation (后评价). */
    EVALUATE("evaluate", Role.GENERAL_MANAGER),
    /** Cancel before acceptance. */
    CANCEL("cancel", Role.GENERAL_MANAGER);

    private final String verb;
    private final Set<Role> roles;

    CapexAction(String verb, Role first, Role... more) {
        this.verb = verb;
        this.roles = EnumSet.of(first, more);
    }

    /**
     * The roles that may take this action.
     *
     * @return the roles
     */
    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    /**
     * Whether an actor may take this action (query form for user interfaces).
     *
     * @param actor who acts
     * @return true when the actor holds one of {@link #roles()}
     * @throws InvalidArgumentException when {@code actor} is null
     */
    public boolean allows(Actor actor) {
        Require.nonNull(actor, "actor");
        return roles.stream().anyMatch(actor::hasRole);
    }

    /**
     * Checks that an actor may take this action.
     *
     * @param actor who acts
     * @param project the project, for the message
     * @throws InvalidArgumentException when an argument is null
     * @throws NotAuthorisedException naming the actor, the action and the roles that may take it
     */
    public void requireAllowed(Actor actor, CapexProjectId project) {
        Require.nonNull(project, "project");
        if (!allows(actor)) {
            throw new NotAuthorisedException(actor + " may not " + verb + " CAPEX project " + project + ": only "
                    + roles + " may");
        }
    }
}
