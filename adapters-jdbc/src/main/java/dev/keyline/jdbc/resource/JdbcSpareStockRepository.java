package dev.keyline.jdbc.resource;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareReservation;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.resource.SpareStockRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The spare-part stocks of a {@link dev.keyline.jdbc.JdbcStorage}: one row per stock in
 * {@code keyline_spare_stock} (with its reserved total and whether it is below its minimum, kept
 * for the daily check's index) and its reservations in {@code keyline_spare_reservation}, rewritten
 * on every save in the caller's transaction. Loading restores through
 * {@link SpareStock#restore(SpareStockSnapshot)} and checks the stored reserved total against the
 * reservations, so a row that breaks an invariant is reported as {@link CorruptStateException}.
 */
final class JdbcSpareStockRepository
        extends JdbcParentChildRepository<SpareStock, SpareStockId, JdbcSpareStockRepository.StockRow>
        implements SpareStockRepository {

    private static final String RESERVATIONS = "keyline_spare_reservation";

    /**
     * A stock's row before its reservations are read.
     *
     * @param stock the stock with no reservations yet
     * @param reserved the stored reserved total
     */
    record StockRow(SpareStockSnapshot stock, long reserved) {
    }

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    JdbcSpareStockRepository(JdbcSession session) {
        super(session, "spare stock", "keyline_spare_stock", "stock_id", SpareStock::snapshot, SpareStock::restore);
    }

    @Override
    public Stream<SpareStock> byDepot(DepotId depot) {
        Require.nonNull(depot, "depot");
        return streamWhere("depot_id = ?", "stock_id", depot);
    }

    @Override
    public List<SpareStock> belowMinimum(int limit) {
        checkLimit(limit);
        return listWhere("below_minimum = ?", "stock_id LIMIT " + limit, true);
    }

    @Override
    public List<SpareStock> belowMinimumAfter(SpareStockId after, int limit) {
        Require.nonNull(after, "after");
        checkLimit(limit);
        return listWhere("below_minimum = ? AND stock_id > ?", "stock_id LIMIT " + limit, true, after);
    }

    @Override
    protected Columns columns(SpareStock stock) {
        return Columns.create()
                .set("depot_id", stock.depot())
                .set("part_number", stock.part())
                .set("on_hand", stock.onHand())
                .set("reserved", stock.reserved())
                .set("under_repair", stock.underRepair())
                .set("minimum_level", stock.minimum())
                .set("below_minimum", stock.isBelowMinimum())
                .set("last_below_minimum_day", stock.lastBelowMinimumDay());
    }

    @Override
    protected void saveChildren(SpareStock stock, boolean inserted) {
        if (!inserted) {
            deleteChildren(RESERVATIONS, "stock_id", stock.id());
        }
        List<Object[]> rows = new ArrayList<>();
        for (SpareReservation r : stock.reservations()) {
            rows.add(new Object[] {stock.id(), r.ref(), r.quantity()});
        }
        insertChildren("INSERT INTO " + RESERVATIONS + " (stock_id, reservation_ref, quantity) VALUES (?, ?, ?)", rows);
    }

    @Override
    protected StockRow parent(Row row) {
        SpareStockId id = required(row, "stock_id", SpareStockId::new);
        return new StockRow(new SpareStockSnapshot(id, row.longValue("version"), row.longValue("on_hand"),
                row.longValue("under_repair"), row.longValue("minimum_level"), List.of(),
                row.localDate("last_below_minimum_day")), row.longValue("reserved"));
    }

    @Override
    protected String idOf(StockRow parent) {
        return parent.stock().id().value();
    }

    @Override
    protected long versionOf(StockRow parent) {
        return parent.stock().version();
    }

    @Override
    protected Function<StockRow, SpareStock> readChildren(List<StockRow> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<SpareReservation>> reservations = childrenAndVersionsOf(RESERVATIONS, "stock_id", ids, "reservation_ref",
                (row, stock) -> stored(() -> "reservation " + row.string("reservation_ref") + " of spare stock " + stock,
                        () -> new SpareReservation(required(row, "reservation_ref", SpareReservationRef::new),
                                row.longValue("quantity"))));
        return p -> {
            SpareStockSnapshot s = p.stock();
            List<SpareReservation> held = reservations.getOrDefault(s.id().value(), List.of());
            long sum = held.stream().mapToLong(SpareReservation::quantity).sum();
            if (sum != p.reserved()) {
                throw new CorruptStateException("spare stock " + s.id() + ": the stored reserved total " + p.reserved()
                        + " differs from the sum of its reservations, " + sum);
            }
            return SpareStock.restore(new SpareStockSnapshot(s.id(), s.version(), s.onHand(), s.underRepair(),
                    s.minimum(), held, s.lastBelowMinimumDay()));
        };
    }

    private static void checkLimit(int limit) {
        Require.that(limit >= 1 && limit <= MAX_PAGE, "limit", () -> "must lie in 1 to " + MAX_PAGE + ", was " + limit);
    }
}
