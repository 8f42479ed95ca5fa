package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;

/**
 * An organisation unit that holds budgets, with its place in the hierarchy province → local network
 * (本地网) → department or cost centre.
 *
 * @param id the unit's id
 * @param level its level
 * @param network the local network it belongs to; null for the province, required below it
 * @param parent the unit above it; null for the province, required below it
 */
public record OrgUnit(OrgUnitId id, OrgLevel level, LocalNetworkId network, OrgUnitId parent) {

    /**
     * Validates the unit's place in the hierarchy.
     *
     * @param id the unit's id
     * @param level its level
     * @param network the local network it belongs to; null for the province, required below it
     * @param parent the unit above it; null for the province, required below it
     * @throws InvalidArgumentException naming the component when the id or level is null, when the
     *     province has a network or parent, or when a unit below it lacks one, or is its own parent
     */
    public OrgUnit {
        Require.nonNull(id, "id");
        Require.nonNull(level, "level");
        if (level == OrgLevel.PROVINCE) {
            Require.that(network == null, "network", () -> "the province " + id + " belongs to no local network, was " + network);
            Require.that(parent == null, "parent", () -> "the province " + id + " has no parent unit, was " + parent);
        } else {
            Require.nonNull(network, "network");
            Require.nonNull(parent, "parent");
            Require.that(!parent.equals(id), "parent", () -> "unit " + id + " cannot be its own parent");
        }
    }

    /**
     * The province.
     *
     * @param id its id
     * @return the unit
     */
    public static OrgUnit province(OrgUnitId id) {
        return new OrgUnit(id, OrgLevel.PROVINCE, null, null);
    }

    /**
     * A local network under the province.
     *
     * @param id its id
     * @param network the local network
     * @param province the province's id
     * @return the unit
     */
    public static OrgUnit localNetwork(OrgUnitId id, LocalNetworkId network, OrgUnitId province) {
        Require.nonNull(province, "province");
        return new OrgUnit(id, OrgLevel.LOCAL_NETWORK, network, province);
    }

    /**
     * A department or cost centre of a local network.
     *
     * @param id its id
     * @param network the local network
     * @param localNetworkUnit the local network's unit id
     * @return the unit
     */
    public static OrgUnit department(OrgUnitId id, LocalNetworkId network, OrgUnitId localNetworkUnit) {
        Require.nonNull(localNetworkUnit, "localNetworkUnit");
        return new OrgUnit(id, OrgLevel.DEPARTMENT, network, localNetworkUnit);
    }
}
