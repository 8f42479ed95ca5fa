package dev.keyline.jdbc.authority;

import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.authority.FloorPrice;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.FloorPriceListSnapshot;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.authority.FloorPriceListRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The floor price lists (底价) of a {@link dev.keyline.jdbc.JdbcStorage}: one row per list in
 * {@code keyline_floor_price_list} (its id and version) and every setting ever made in
 * {@code keyline_floor_price}, oldest first. Saving bumps the list's version and inserts only
 * the settings made since it was loaded (the history is append-only), in the caller's transaction; loading restores through
 * {@link FloorPriceList#restore(FloorPriceListSnapshot)}. Instants are kept to the microsecond.
 */
public final class JdbcFloorPriceListRepository
        extends JdbcParentChildRepository<FloorPriceList, FloorPriceListId, FloorPriceListSnapshot>
        implements FloorPriceListRepository {

    private static final String PRICES = "keyline_floor_price";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcFloorPriceListRepository(JdbcSession session) {
        super(session, "floor price list", "keyline_floor_price_list", "list_id", FloorPriceList::snapshot, FloorPriceList::restore);
    }

    @Override
    protected Columns columns(FloorPriceList list) {
        return Columns.create();
    }

    @Override
    protected void saveChildren(FloorPriceList list, boolean inserted) {
        List<Object[]> rows = appendRows(list.history(), (i, f) -> new Object[] {list.id(), i + 1, f.product(),
                f.price().amount(), f.price().currency().getCurrencyCode(), f.setBy(), f.setAt()});
        appendChildren(PRICES, "list_id", list.id(), inserted, "INSERT INTO " + PRICES
                + " (list_id, line_no, product_code, price, currency, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    protected FloorPriceListSnapshot parent(Row row) {
        return new FloorPriceListSnapshot(required(row, "list_id", FloorPriceListId::new), row.longValue("version"),
                List.of());
    }

    @Override
    protected String idOf(FloorPriceListSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(FloorPriceListSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<FloorPriceListSnapshot, FloorPriceList> readChildren(List<FloorPriceListSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<FloorPrice>> prices = childrenAndVersionsOf(PRICES, "list_id", ids, "line_no",
                (row, list) -> stored(() -> "floor price " + row.intValue("line_no") + " of list " + list,
                        () -> new FloorPrice(required(row, "product_code", ProductCode::new),
                                money(row, "price", "currency"), user(row, "set_by"), row.instant("set_at"))));
        return s -> FloorPriceList.restore(new FloorPriceListSnapshot(s.id(), s.version(),
                prices.getOrDefault(s.id().value(), List.of())));
    }
}
