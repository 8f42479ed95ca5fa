package dev.keyline.runtime.resource;

import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RuntimeArea;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ResourceArea;
import java.util.List;

/**
 * The network-resource area's part of the runtime: its reactions that release an exiting key
 * account's units ({@link AccountExitReleases}) and expire a reservation when its expiry timer falls
 * due ({@link ReservationExpiries}), and add the capacity a CAPEX project built to its pools when
 * it is accepted ({@link CapacityBuiltAdditions}). Registered by default through {@link java.util.ServiceLoader}.
 */
public final class ResourceRuntimeArea implements RuntimeArea {

    /** The area's runtime part; {@link java.util.ServiceLoader} calls this constructor. */
    public ResourceRuntimeArea() {
    }

    @Override
    public String name() {
        return ResourceArea.NAME;
    }

    @Override
    public List<Reaction> reactions(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        return List.of(AccountExitReleases.reaction(storage), ReservationExpiries.reaction(storage),
                CapacityBuiltAdditions.reaction(storage));
    }
}
