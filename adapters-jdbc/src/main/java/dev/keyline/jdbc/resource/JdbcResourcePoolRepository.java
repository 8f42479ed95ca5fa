package dev.keyline.jdbc.resource;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.CoolingUnits;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservedUnits;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitRange;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.resource.ResourcePoolRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The resource pools of a {@link dev.keyline.jdbc.JdbcStorage}: one row per pool in
 * {@code keyline_resource_pool} (with the latest movement), its active holdings in
 * {@code keyline_resource_holding} (one row per range of units, numbered in the pool's order) and
 * its movement log in {@code keyline_resource_movement} (append-only). A save writes only the
 * holding rows that changed, compared by number with the rows the transaction loaded or last
 * wrote: the changed ones updated, the new ones inserted, the ones past the end deleted; when more
 * than half of the rows changed (a holding inserted before many others), it writes them all again
 * with one delete and one insert. Saving updates the pool's row
 * with the optimistic version check first, so a concurrent save of the same pool waits for the row
 * lock and then fails as stale; the holdings and new movements are written under that lock.
 * Loading reads the holdings consistently with the row and restores through
 * {@link ResourcePool#restore(ResourcePoolSnapshot)}, which checks every invariant again.
 */
public final class JdbcResourcePoolRepository
        extends JdbcParentChildRepository<ResourcePool, PoolId, ResourcePoolSnapshot>
        implements ResourcePoolRepository {

    private static final String TABLE = "keyline_resource_pool";
    private static final String HOLDINGS = "keyline_resource_holding";
    private static final String MOVEMENTS = "keyline_resource_movement";
    private static final String RETIRED = "RETIRED";
    private static final String RESERVED = "RESERVED";
    private static final String ALLOCATED = "ALLOCATED";
    private static final String COOLING = "COOLING";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcResourcePoolRepository(JdbcSession session) {
        super(session, "resource pool", TABLE, "pool_id", ResourcePool::snapshot, ResourcePool::restore);
    }

    @Override
    public void save(ResourcePool aggregate) {
        ResourcePool pool = Require.nonNull(aggregate, "aggregate");
        super.save(pool);
        pool.movementsWritten();
    }

    @Override
    public List<ResourcePool> byLocation(PoolLocation location, ResourceType type) {
        Require.nonNull(location, "location");
        Require.nonNull(type, "type");
        return listWhere("network_id = ? AND site = ? AND resource_type = ?", "pool_id", location.network(),
                location.site(), type);
    }

    @Override
    public List<PoolId> holding(AccountId account) {
        Require.nonNull(account, "account");
        return session().query("SELECT DISTINCT pool_id FROM " + HOLDINGS + " WHERE account_id = ? AND holding_kind IN (?, ?)"
                + " ORDER BY pool_id", row -> required(row, "pool_id", PoolId::new), account, RESERVED, ALLOCATED);
    }

    @Override
    public Stream<PoolMovement> movements(PoolId pool, Instant from, Instant to) {
        Require.nonNull(pool, "pool");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(to.isAfter(from), "to", () -> "must be after " + from + ", was " + to);
        List<PoolMovement> inForce = session().query("SELECT * FROM " + MOVEMENTS + " WHERE pool_id = ? AND moved_at <= ?"
                + " ORDER BY sequence_no DESC FETCH FIRST 1 ROWS ONLY", JdbcResourcePoolRepository::movement, pool, from);
        Stream<PoolMovement> inside = session().stream("SELECT * FROM " + MOVEMENTS + " WHERE pool_id = ? AND moved_at > ?"
                + " AND moved_at < ? ORDER BY sequence_no", JdbcResourcePoolRepository::movement, pool, from, to);
        return Stream.concat(inForce.stream(), inside).onClose(inside::close);
    }

    @Override
    protected Columns columns(ResourcePool pool) {
        PoolMovement last = pool.lastMovement();
        return Columns.create()
                .set("resource_type", pool.resourceType())
                .set("network_id", pool.location().network())
                .set("site", pool.location().site())
                .set("cool_down_seconds", pool.coolDown().getSeconds())
                .set("cool_down_nanos", pool.coolDown().getNano())
                .set("unit_count", pool.unitCount())
                .set("last_sequence", last.sequence())
                .set("last_moved_at", last.at())
                .set("last_capacity", last.capacity())
                .set("last_reserved", last.reserved())
                .set("last_allocated", last.allocated());
    }

    @Override
    protected void saveChildren(ResourcePool pool, boolean inserted) {
        List<HoldingRow> rows = new ArrayList<>();
        for (UnitRange r : pool.retired().ranges()) {
            rows.add(new HoldingRow(RETIRED, null, null, null, null, null, null, r));
        }
        for (ReservedUnits h : pool.reservations()) {
            for (UnitRange r : h.units().ranges()) {
                rows.add(new HoldingRow(RESERVED, h.reservation().value(), h.holder().value(), null, null, h.binding(), null,
                        r));
            }
        }
        for (Allocation a : pool.allocations()) {
            for (UnitRange r : a.units().ranges()) {
                rows.add(new HoldingRow(ALLOCATED, a.id().value(), a.holder().value(), a.reference(),
                        a.reservation().map(ReservationId::value).orElse(null), null, a.allocatedAt(), r));
            }
        }
        for (CoolingUnits c : pool.cooling()) {
            for (UnitRange r : c.units().ranges()) {
                rows.add(new HoldingRow(COOLING, c.allocation().value(), null, null, null, null, c.until(), r));
            }
        }
        String poolId = pool.id().value();
        List<HoldingRow> stored = inserted ? List.of() : this.<HoldingRow>storedChildren(HOLDINGS, pool.id())
                .orElseGet(() -> session().query("SELECT * FROM " + HOLDINGS + " WHERE pool_id = ? ORDER BY line_no",
                        row -> holdingRow(row, poolId), poolId));
        writeHoldings(pool.id(), stored, rows);
        storedChildrenAre(HOLDINGS, pool.id(), rows);
        List<Object[]> moves = new ArrayList<>();
        for (PoolMovement m : pool.unsavedMovements()) {
            moves.add(new Object[] {pool.id(), m.sequence(), m.at(), m.capacity(), m.reserved(), m.allocated()});
        }
        insertChildren("INSERT INTO " + MOVEMENTS + " (pool_id, sequence_no, moved_at, capacity, reserved, allocated) "
                + "VALUES (?, ?, ?, ?, ?, ?)", moves);
    }

    /**
     * How many changed holding rows a save updates one by one at most, whatever share of the rows
     * they are: a handful of updates go as one batch, one statement, where writing every row again
     * takes two (the delete and the inserts); beyond it, when most rows changed, they are all written
     * again.
     */
    static final int HOLDINGS_UPDATED_BY_LINE = 4;

    /**
     * Writes the holding rows that differ from the stored ones, by number; all of them when most
     * differ and they are more than {@value #HOLDINGS_UPDATED_BY_LINE}.
     */
    private void writeHoldings(PoolId pool, List<HoldingRow> stored, List<HoldingRow> rows) {
        List<Object[]> changed = new ArrayList<>();
        int common = Math.min(stored.size(), rows.size());
        for (int i = 0; i < common; i++) {
            if (!stored.get(i).equals(rows.get(i))) {
                changed.add(holdingUpdate(pool, i, rows.get(i)));
            }
        }
        if (changed.size() > HOLDINGS_UPDATED_BY_LINE && changed.size() * 2 > stored.size()) {
            deleteChildren(HOLDINGS, "pool_id", pool);
            insertHoldings(pool, rows, 0);
            return;
        }
        if (!changed.isEmpty()) {
            updateChildren(HOLDINGS, "UPDATE " + HOLDINGS + " SET holding_kind = ?, holding_id = ?, account_id = ?, reference = ?, "
                    + "reservation_id = ?, binding = ?, held_at = ?, first_unit = ?, last_unit = ? "
                    + "WHERE pool_id = ? AND line_no = ?", changed);
        }
        if (stored.size() > rows.size()) {
            deleteChildRows(HOLDINGS, "DELETE FROM " + HOLDINGS + " WHERE pool_id = ? AND line_no > ?", pool, rows.size());
        }
        insertHoldings(pool, rows, stored.size());
    }

    private void insertHoldings(PoolId pool, List<HoldingRow> rows, int from) {
        List<Object[]> inserts = new ArrayList<>();
        for (int i = from; i < rows.size(); i++) {
            HoldingRow h = rows.get(i);
            inserts.add(new Object[] {pool, i + 1, h.kind(), h.holdingId(), h.account(), h.reference(), h.reservation(),
                    h.binding(), h.at(), h.units().first(), h.units().last()});
        }
        insertChildren("INSERT INTO " + HOLDINGS + " (pool_id, line_no, holding_kind, holding_id, account_id, reference, "
                + "reservation_id, binding, held_at, first_unit, last_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    }

    private static Object[] holdingUpdate(PoolId pool, int index, HoldingRow h) {
        return new Object[] {h.kind(), h.holdingId(), h.account(), h.reference(), h.reservation(), h.binding(), h.at(),
                h.units().first(), h.units().last(), pool, index + 1};
    }

    @Override
    protected ResourcePoolSnapshot parent(Row row) {
        PoolId id = required(row, "pool_id", PoolId::new);
        return stored(() -> "resource pool " + id, () -> new ResourcePoolSnapshot(id, row.longValue("version"),
                required(row, "resource_type", ResourceType::new),
                new PoolLocation(required(row, "network_id", LocalNetworkId::new), row.requiredString("site")),
                Duration.ofSeconds(row.longValue("cool_down_seconds"), row.intValue("cool_down_nanos")),
                row.longValue("unit_count"), UnitSet.EMPTY, List.of(), List.of(), List.of(),
                new PoolMovement(row.longValue("last_sequence"), row.instant("last_moved_at"), row.longValue("last_capacity"),
                        row.longValue("last_reserved"), row.longValue("last_allocated"))));
    }

    @Override
    protected String idOf(ResourcePoolSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(ResourcePoolSnapshot parent) {
        return parent.version();
    }

    /** One stored range of a holding, before the ranges of a holding are put together. */
    private record HoldingRow(String kind, String holdingId, String account, String reference, String reservation,
            Boolean binding, Instant at, UnitRange units) {
    }

    @Override
    protected Function<ResourcePoolSnapshot, ResourcePool> readChildren(List<ResourcePoolSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<HoldingRow>> holdings = childrenAndVersionsOf(HOLDINGS, "pool_id", ids, "line_no",
                (row, id) -> holdingRow(row, id));
        return s -> ResourcePool.restore(withHoldings(s, holdings.getOrDefault(s.id().value(), List.of())));
    }

    private static HoldingRow holdingRow(Row row, String poolId) {
        return stored(() -> "holding " + row.intValue("line_no") + " of resource pool " + poolId, () -> {
            String kind = row.requiredString("holding_kind");
            return new HoldingRow(kind, row.string("holding_id"), row.string("account_id"), row.string("reference"),
                    row.string("reservation_id"), RESERVED.equals(kind) ? row.bool("binding") : null,
                    row.instant("held_at"), new UnitRange(row.longValue("first_unit"), row.longValue("last_unit")));
        });
    }

    private static ResourcePoolSnapshot withHoldings(ResourcePoolSnapshot s, List<HoldingRow> rows) {
        return stored(() -> "holdings of resource pool " + s.id(), () -> {
            List<UnitRange> retired = new ArrayList<>();
            Map<String, List<HoldingRow>> reserved = new LinkedHashMap<>();
            Map<String, List<HoldingRow>> allocated = new LinkedHashMap<>();
            Map<String, List<HoldingRow>> cooling = new LinkedHashMap<>();
            for (HoldingRow h : rows) {
                switch (h.kind()) {
                    case RETIRED -> retired.add(h.units());
                    case RESERVED -> reserved.computeIfAbsent(h.holdingId(), k -> new ArrayList<>()).add(h);
                    case ALLOCATED -> allocated.computeIfAbsent(h.holdingId(), k -> new ArrayList<>()).add(h);
                    case COOLING -> cooling.computeIfAbsent(h.holdingId() + "@" + h.at(), k -> new ArrayList<>()).add(h);
                    default -> throw new CorruptStateException("resource pool " + s.id() + " has a holding of unknown kind '"
                            + h.kind() + "'");
                }
            }
            List<ReservedUnits> reservations = new ArrayList<>();
            reserved.values().forEach(hs -> reservations.add(new ReservedUnits(new ReservationId(hs.get(0).holdingId()),
                    new AccountId(hs.get(0).account()), Boolean.TRUE.equals(hs.get(0).binding()), units(hs))));
            List<Allocation> allocations = new ArrayList<>();
            allocated.values().forEach(hs -> {
                HoldingRow first = hs.get(0);
                allocations.add(new Allocation(new AllocationId(first.holdingId()), new AccountId(first.account()),
                        first.reference(), Optional.ofNullable(first.reservation()).map(ReservationId::new), units(hs),
                        first.at()));
            });
            List<CoolingUnits> resting = new ArrayList<>();
            cooling.values().forEach(hs -> resting.add(new CoolingUnits(new AllocationId(hs.get(0).holdingId()), units(hs),
                    hs.get(0).at())));
            return new ResourcePoolSnapshot(s.id(), s.version(), s.resourceType(), s.location(), s.coolDown(),
                    s.unitCount(), new UnitSet(retired), reservations, allocations, resting, s.lastMovement());
        });
    }

    private static UnitSet units(List<HoldingRow> rows) {
        return new UnitSet(rows.stream().map(HoldingRow::units).toList());
    }

    private static PoolMovement movement(Row row) {
        return stored(() -> "movement of resource pool " + row.string("pool_id"), () -> new PoolMovement(
                row.longValue("sequence_no"), row.instant("moved_at"), row.longValue("capacity"), row.longValue("reserved"),
                row.longValue("allocated")));
    }
}
