package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may move a fault ticket, by the kernel's roles (the seed's centres mapped onto them):
 *
 * <ul>
 *   <li>report: the call centre, that is an account manager or a technical manager at the
 *       key-account seats, or the network centre for a fault the network detected;</li>
 *   <li>diagnose, dispatch, return and cancel: the network centre (its network-management and
 *       dispatch centres), {@link Role#NETWORK_CENTRE_MANAGER};</li>
 *   <li>start the repair: the station, {@link Role#STATION_MANAGER} or {@link Role#STATION_EXECUTOR};</li>
 *   <li>reply and close: the call centre, an account manager or technical manager;</li>
 *   <li>wait for the customer and resume: anyone who handles the ticket (all of the above);</li>
 *   <li>the department general manager and the general manager may do everything.</li>
 * </ul>
 *
 * <p>The ticket knows its key account only by id, so these rules weigh roles only; a host that
 * confines account managers to their own accounts does so before it calls the service.
 */
public final class FaultTicketAccess {

    private static final Set<Role> CALL_CENTRE = EnumSet.of(Role.ACCOUNT_MANAGER, Role.TECHNICAL_MANAGER);
    private static final Set<Role> NETWORK_CENTRE = EnumSet.of(Role.NETWORK_CENTRE_MANAGER);
    private static final Set<Role> STATION = EnumSet.of(Role.STATION_MANAGER, Role.STATION_EXECUTOR);
    private static final Set<Role> EVERYTHING = EnumSet.of(Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);

    private FaultTicketAccess() {
    }

    /**
     * The roles that may move a ticket from one state to another (or report it).
     *
     * @param from the state before; null for a report
     * @param to the state after
     * @return the roles, never empty
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code to} is null
     */
    public static Set<Role> rolesFor(FaultTicketState from, FaultTicketState to) {
        Require.nonNull(to, "to");
        EnumSet<Role> roles = EnumSet.copyOf(EVERYTHING);
        if (from == null) {
            roles.addAll(CALL_CENTRE);
            roles.addAll(NETWORK_CENTRE);
        } else if (to == FaultTicketState.PENDING_CUSTOMER || from == FaultTicketState.PENDING_CUSTOMER) {
            roles.addAll(CALL_CENTRE);
            roles.addAll(NETWORK_CENTRE);
            roles.addAll(STATION);
        } else {
            switch (to) {
                case IN_REPAIR -> roles.addAll(STATION);
                case REPLIED, CLOSED -> roles.addAll(CALL_CENTRE);
                default -> roles.addAll(NETWORK_CENTRE);
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    /**
     * Whether an actor may move a ticket from one state to another (query form for user interfaces).
     *
     * @param actor who acts
     * @param from the state before; null for a report
     * @param to the state after
     * @return true when the actor holds one of {@link #rolesFor}
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code actor} or {@code to} is null
     */
    public static boolean mayMove(Actor actor, FaultTicketState from, FaultTicketState to) {
        Require.nonNull(actor, "actor");
        return rolesFor(from, to).stream().anyMatch(actor::hasRole);
    }

    /**
     * Checks that an actor may move a ticket from one state to another.
     *
     * @param actor who acts
     * @param ticket the ticket, for the message
     * @param from the state before; null for a report
     * @param to the state after
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code actor}, {@code ticket}
     *     or {@code to} is null
     * @throws NotAuthorisedException naming the actor, the ticket, the move and the roles that may
     */
    public static void requireMayMove(Actor actor, FaultTicketId ticket, FaultTicketState from, FaultTicketState to) {
        Require.nonNull(ticket, "ticket");
        if (!mayMove(actor, from, to)) {
            throw new NotAuthorisedException(actor + " may not " + (from == null ? "report fault ticket " + ticket
                    : "move fault ticket " + ticket + " from " + from + " to " + to) + ": only " + rolesFor(from, to)
                    + " may");
        }
    }
}
