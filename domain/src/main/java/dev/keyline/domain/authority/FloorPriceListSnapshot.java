package dev.keyline.domain.authority;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link FloorPriceList}: its id, version and every floor price (底价) ever set,
 * oldest first. Built by {@link FloorPriceList#snapshot()} or by a storage provider from its rows;
 * it is not validated here, {@link FloorPriceList#restore(FloorPriceListSnapshot)} does that.
 *
 * @param id the list's id
 * @param version the stored version
 * @param history every floor price set, oldest first; the last per product is the current one
 */
public record FloorPriceListSnapshot(FloorPriceListId id, long version, List<FloorPrice> history) {

    /**
     * Copies the history into an unmodifiable list (keeping any null, for restore to reject).
     *
     * @param id the list's id
     * @param version the stored version
     * @param history every floor price set, oldest first; the last per product is the current one
     */
    public FloorPriceListSnapshot {
        history = history == null ? null : Collections.unmodifiableList(new ArrayList<>(history));
    }
}
