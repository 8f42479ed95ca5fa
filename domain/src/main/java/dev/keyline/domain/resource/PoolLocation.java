package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;

/**
 * Where a pool's units are: a local network (本地网) and a site in it, for example an exchange or a
 * node room.
 *
 * @param network the local network
 * @param site the site's code: letters, digits and {@code - _ . :}, at most 64 characters
 */
public record PoolLocation(LocalNetworkId network, String site) {

    /**
     * Validates the location.
     *
     * @param network the local network
     * @param site the site's code: letters, digits and {@code - _ . :}, at most 64 characters
     * @throws InvalidArgumentException naming {@code network} when it is null, or {@code site} when it is
     *     not a valid code
     */
    public PoolLocation {
        Require.nonNull(network, "network");
        Identifier.check(site, "site");
    }

    @Override
    public String toString() {
        return network + "/" + site;
    }
}
