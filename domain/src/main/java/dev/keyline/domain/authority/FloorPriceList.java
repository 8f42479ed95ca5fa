package dev.keyline.domain.authority;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;

/**
 * The floor prices (底价) of an operating unit's products, set by its financial managers (财务经理).
 * An offer below a product's floor price needs the approval of both a financial manager and the
 * key-account department's general manager (see {@link PriceAuthorisation}).
 *
 * <p>Every setting is kept, so the list answers both "what is the floor price of DDN now" and "who
 * set it to what, when". A product's settings are in time order: a new floor price may not be
 * dated before the one it replaces.
 */
public final class FloorPriceList extends AggregateRoot<FloorPriceListId> {

    private final List<FloorPrice> history;
    private final Map<ProductCode, FloorPrice> current;

    private FloorPriceList(FloorPriceListId id, long version) {
        super(id, version);
        this.history = new ArrayList<>();
        this.current = new HashMap<>();
    }

    /**
     * A new, empty floor price list (version 0, never saved).
     *
     * @param id the list's id
     * @return the list
     * @throws InvalidArgumentException when {@code id} is null
     */
    public static FloorPriceList create(FloorPriceListId id) {
        return new FloorPriceList(Require.nonNull(id, "id"), 0);
    }

    /**
     * Sets or changes a product's floor price and records {@link FloorPriceSet}.
     *
     * @param setter who sets it; must hold {@link Role#FINANCIAL_MANAGER}
     * @param product the product
     * @param price the floor price; above zero
     * @param at when it is set; not before the product's current floor price was set
     * @return the floor price now in force
     * @throws InvalidArgumentException naming the argument when one is null, the price is not above
     *     zero or {@code at} lies before the current setting
     * @throws NotAuthorisedException when the setter is not a financial manager; nothing changes
     */
    public FloorPrice setFloorPrice(Actor setter, ProductCode product, Money price, Instant at) {
        Require.nonNull(setter, "setter");
        Require.nonNull(product, "product");
        Require.nonNull(price, "price");
        Require.nonNull(at, "at");
        FloorPrice next = new FloorPrice(product, price, setter.user(), at);
        if (!setter.hasRole(Role.FINANCIAL_MANAGER)) {
            throw new NotAuthorisedException(setter + " may not set the floor price of " + product + " in list "
                    + id() + ": only a FINANCIAL_MANAGER sets floor prices");
        }
        FloorPrice previous = current.get(product);
        admit(next);
        record(new FloorPriceSet(EventId.random(), at, id(), product, price,
                previous == null ? null : previous.price(), setter.user()));
        return next;
    }

    /**
     * The floor price of a product now in force.
     *
     * @param product the product
     * @return its floor price, or empty when none was ever set
     * @throws InvalidArgumentException when {@code product} is null
     */
    public Optional<FloorPrice> floorPriceOf(ProductCode product) {
        return Optional.ofNullable(current.get(Require.nonNull(product, "product")));
    }

    /**
     * The floor prices now in force, one per product, ordered by product code.
     *
     * @return the current floor prices
     */
    public List<FloorPrice> currentFloorPrices() {
        return current.values().stream()
                .sorted(Comparator.comparing(floor -> floor.product().value()))
                .toList();
    }

    /**
     * Every floor price ever set, oldest first.
     *
     * @return the history
     */
    public List<FloorPrice> history() {
        return List.copyOf(history);
    }

    /**
     * The stored form of this list.
     *
     * @return an immutable snapshot
     */
    public FloorPriceListSnapshot snapshot() {
        return new FloorPriceListSnapshot(id(), version(), history);
    }

    /**
     * Rebuilds a list from its stored form, checking it again.
     *
     * @param snapshot the stored form
     * @return the list
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when the id is missing, the version is
     *     negative, the history is missing or holds null, or a product's settings are out of time order
     */
    public static FloorPriceList restore(FloorPriceListSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        if (snapshot.id() == null) {
            throw new CorruptStateException("floor price list: id is missing");
        }
        if (snapshot.version() < 0) {
            throw new CorruptStateException("floor price list " + snapshot.id() + ": version is negative: " + snapshot.version());
        }
        if (snapshot.history() == null) {
            throw new CorruptStateException("floor price list " + snapshot.id() + ": history is missing");
        }
        FloorPriceList list = new FloorPriceList(snapshot.id(), snapshot.version());
        for (int i = 0; i < snapshot.history().size(); i++) {
            FloorPrice floor = snapshot.history().get(i);
            if (floor == null) {
                throw new CorruptStateException("floor price list " + snapshot.id() + ": history[" + i + "] is missing");
            }
            try {
                list.admit(floor);
            } catch (KeylineException e) {
                throw new CorruptStateException("floor price list " + snapshot.id() + ": history[" + i + "]: "
                        + e.getMessage(), e);
            }
        }
        return list;
    }

    private void admit(FloorPrice next) {
        FloorPrice previous = current.get(next.product());
        if (previous != null && next.setAt().isBefore(previous.setAt())) {
            throw new InvalidArgumentException("at", "the floor price of " + next.product() + " was last set at "
                    + previous.setAt() + "; a new one may not be dated before that, was " + next.setAt());
        }
        history.add(next);
        current.put(next.product(), next);
    }
}
