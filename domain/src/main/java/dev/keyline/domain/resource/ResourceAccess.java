package dev.keyline.domain.resource;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may act on network resources. Pools belong to the network centre (网络中心), not to a key
 * account, so these rules go by the kernel's {@link Role}s alone, not by an account's scope:
 * <ul>
 *   <li>Opening pools, changing their capacity, forecasting, allocating (through a reservation or
 *       directly) and releasing: the {@link Role#NETWORK_CENTRE_MANAGER}, which provisions, and the
 *       {@link Role#GENERAL_MANAGER}.</li>
 *   <li>Reserving, cancelling and re-dating reservations: those two and the
 *       {@link Role#MARKETING_MANAGER} of the marketing service centre (营销服务中心), the front end
 *       that takes the orders and signs the SLAs the reservations are for.</li>
 * </ul>
 * Each rule comes as a query ({@code may…}) and a check ({@code requireMay…}) that throws
 * {@link NotAuthorisedException} naming the actor and what was attempted.
 */
public final class ResourceAccess {

    private static final Set<Role> POOL_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER);
    private static final Set<Role> RESERVATION_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER,
            Role.MARKETING_MANAGER);
    private static final Set<Role> SPARE_STOCK_ROLES = POOL_ROLES;
    private static final Set<Role> SPARE_HANDLING_ROLES = EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.GENERAL_MANAGER,
            Role.STATION_MANAGER);

    private ResourceAccess() {
    }

    /**
     * Whether the actor may manage pools, their capacity and allocations.
     *
     * @param actor who acts
     * @return true for a network centre manager or the general manager
     * @throws InvalidArgumentException when {@code actor} is null
     */
    public static boolean mayManagePools(Actor actor) {
        return granting(actor, POOL_ROLES).isPresent();
    }

    /**
     * Fails unless the actor may manage pools, their capacity and allocations.
     *
     * @param actor who acts
     * @param attempted what they attempted, for the message
     * @return the role that grants it
     * @throws InvalidArgumentException when an argument is null or blank
     * @throws NotAuthorisedException when the actor holds none of the roles
     */
    public static Role requireMayManagePools(Actor actor, String attempted) {
        return require(actor, attempted, POOL_ROLES);
    }

    /**
     * Whether the actor may make, cancel and re-date reservations.
     *
     * @param actor who acts
     * @return true for a network centre manager, a marketing manager or the general manager
     * @throws InvalidArgumentException when {@code actor} is null
     */
    public static boolean mayReserve(Actor actor) {
        return granting(actor, RESERVATION_ROLES).isPresent();
    }

    /**
     * Fails unless the actor may make, cancel and re-date reservations.
     *
     * @param actor who acts
     * @param attempted what they attempted, for the message
     * @return the role that grants it
     * @throws InvalidArgumentException when an argument is null or blank
     * @throws NotAuthorisedException when the actor holds none of the roles
     */
    public static Role requireMayReserve(Actor actor, String attempted) {
        return require(actor, attempted, RESERVATION_ROLES);
    }

    /**
     * Whether the actor may keep spare-part stocks: receive parts, set minimum levels, record
     * repairs, scrap parts and run the daily check.
     *
     * @param actor who acts
     * @return true for a network centre manager or the general manager
     * @throws InvalidArgumentException when {@code actor} is null
     */
    public static boolean mayManageSpares(Actor actor) {
        return granting(actor, SPARE_STOCK_ROLES).isPresent();
    }

    /**
     * Fails unless the actor may keep spare-part stocks; see {@link #mayManageSpares}.
     *
     * @param actor who acts
     * @param attempted what they attempted, for the message
     * @return the role that grants it
     * @throws InvalidArgumentException when an argument is null or blank
     * @throws NotAuthorisedException when the actor holds none of the roles
     */
    public static Role requireMayManageSpares(Actor actor, String attempted) {
        return require(actor, attempted, SPARE_STOCK_ROLES);
    }

    /**
     * Whether the actor may handle spare parts for a repair or order: reserve them, release the
     * reservation, issue them and return them (unused or faulty). The station that repairs takes
     * parts from the depot and brings them back, so its manager may, besides the network centre's.
     *
     * @param actor who acts
     * @return true for a network centre manager, a station manager or the general manager
     * @throws InvalidArgumentException when {@code actor} is null
     */
    public static boolean mayHandleSpares(Actor actor) {
        return granting(actor, SPARE_HANDLING_ROLES).isPresent();
    }

    /**
     * Fails unless the actor may handle spare parts; see {@link #mayHandleSpares}.
     *
     * @param actor who acts
     * @param attempted what they attempted, for the message
     * @return the role that grants it
     * @throws InvalidArgumentException when an argument is null or blank
     * @throws NotAuthorisedException when the actor holds none of the roles
     */
    public static Role requireMayHandleSpares(Actor actor, String attempted) {
        return require(actor, attempted, SPARE_HANDLING_ROLES);
    }

    private static Role require(Actor actor, String attempted, Set<Role> roles) {
        Require.nonNull(actor, "actor");
        Require.nonBlank(attempted, "attempted");
        return granting(actor, roles).orElseThrow(() -> new NotAuthorisedException(actor + " may not " + attempted
                + ": only " + roles + " may"));
    }

    private static Optional<Role> granting(Actor actor, Set<Role> roles) {
        Require.nonNull(actor, "actor");
        return roles.stream().filter(actor::hasRole).findFirst();
    }
}
