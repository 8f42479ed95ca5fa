package dev.keyline.benchmarks.storage;

import dev.keyline.domain.workorder.ProvisioningOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Databases holding a given number of stored provisioning orders ({@code PO-000000000} and up, six
 * stages each), loaded once per JVM and kept for every trial that asks for the same database and
 * size (the read and scale benchmarks run without forking for this reason).
 *
 * <p>Loading writes {@value #TEMPLATES} real orders through the raw side, the domain having
 * opened order {@code k} {@code k} hours before {@link Fixture#NOW}, then copies them in the
 * database with {@code INSERT ... SELECT} until there are {@code rows} orders; order {@code n} is a
 * copy of template {@code n % 100}. Every order is open, committed to complete six days after it
 * opened; at {@link #DUE_BY} exactly the copies of template 99, one order in a hundred, are overdue.
 */
public final class StoredOrders {

    /** The templates. */
    public static final int TEMPLATES = 100;

    /** The time by which one order in a hundred is due. */
    public static final Instant DUE_BY = Fixture.NOW.plus(Duration.ofDays(6)).minus(Duration.ofMinutes(98 * 60 + 30));

    private static final Map<String, Fixture> LOADED = new HashMap<>();

    private StoredOrders() {
    }

    /**
     * A database of {@code database}'s kind holding {@code rows} orders, loaded on first use.
     *
     * @param database the kind
     * @param rows the number of orders, a multiple of {@value #TEMPLATES}
     * @return the fixture, shared: do not close it
     */
    public static synchronized Fixture of(Database database, int rows) {
        return LOADED.computeIfAbsent(database + "/" + rows, key -> load(database, rows, COPIES_PER_STATEMENT));
    }

    /**
     * A new database of {@code database}'s kind holding {@code rows} orders, copied
     * {@code copiesPerStatement} copies of the templates a statement; not kept, the caller closes it.
     */
    static Fixture load(Database database, int rows, int copiesPerStatement) {
        if (rows % TEMPLATES != 0) {
            throw new IllegalArgumentException("rows must be a multiple of " + TEMPLATES + ", was " + rows);
        }
        Fixture fixture = Fixture.create(database);
        long started = System.nanoTime();
        try {
            List<ProvisioningOrder> templates = new ArrayList<>();
            for (int k = 0; k < TEMPLATES; k++) {
                templates.add(ProvisioningMix.open(String.format("T-%02d", k), k,
                        Fixture.NOW.minus(Duration.ofHours(k))));
            }
            new RawProvisioning(fixture.dataSource()).insertOrders(templates);
            String newId = "'PO-' || LPAD(CAST(r.x * " + TEMPLATES
                    + " + CAST(SUBSTRING(t.provisioning_order_id, 3) AS INTEGER) AS VARCHAR), 9, '0')";
            String orderCopy = "INSERT INTO keyline_provisioning_order (provisioning_order_id, account_id, product_code, "
                    + "originating_unit, account_manager, it_support, start_at, committed_completion, warning_share, "
                    + "sla_order, sla_committed_by, order_state, accepted_by, accepted_at, last_changed_at, version) "
                    + "SELECT " + newId + ", account_id, product_code, originating_unit, account_manager, it_support, "
                    + "start_at, committed_completion, warning_share, sla_order, sla_committed_by, order_state, "
                    + "accepted_by, accepted_at, last_changed_at, version FROM %s, keyline_provisioning_order t "
                    + TEMPLATES_ONLY;
            String stageCopy = "INSERT INTO keyline_provisioning_stage (provisioning_order_id, line_no, stage_id, "
                    + "planned_nanos, station_id, unit_id, station_manager, executor, stage_state, started_at, "
                    + "held_since, held_nanos, warning_at, due_at, warned, escalated, done_at) SELECT " + newId
                    + ", line_no, stage_id, planned_nanos, station_id, unit_id, station_manager, executor, stage_state, "
                    + "started_at, held_since, held_nanos, warning_at, due_at, warned, escalated, done_at "
                    + "FROM %s, keyline_provisioning_stage t " + TEMPLATES_ONLY;
            String predecessorCopy = "INSERT INTO keyline_provisioning_stage_after (provisioning_order_id, line_no, stage_id, "
                    + "predecessor_id) SELECT " + newId + ", line_no, stage_id, predecessor_id "
                    + "FROM %s, keyline_provisioning_stage_after t " + TEMPLATES_ONLY;
            try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement()) {
                System.out.printf("# templates written after %.1f s%n", (System.nanoTime() - started) / 1e9);
                copy(s, database, orderCopy, rows, copiesPerStatement);
                System.out.printf("# orders copied after %.1f s%n", (System.nanoTime() - started) / 1e9);
                copy(s, database, stageCopy, rows, copiesPerStatement);
                System.out.printf("# stages copied after %.1f s%n", (System.nanoTime() - started) / 1e9);
                copy(s, database, predecessorCopy, rows, copiesPerStatement);
                System.out.printf("# predecessors copied after %.1f s%n", (System.nanoTime() - started) / 1e9);
                for (String table : List.of("keyline_provisioning_stage_after", "keyline_provisioning_stage",
                        "keyline_provisioning_order")) {
                    s.executeUpdate("DELETE FROM " + table + " WHERE provisioning_order_id LIKE 'T-%'");
                }
                s.executeUpdate("DELETE FROM keyline_outbox");
                if (database == Database.POSTGRES) {
                    s.execute("VACUUM ANALYZE");
                } else {
                    s.execute("ANALYZE");
                }
            }
        } catch (SQLException e) {
            fixture.close();
            throw new IllegalStateException("loading " + rows + " orders into " + database + " failed", e);
        }
        System.out.printf("# loaded %,d orders into %s in %.1f s%n", rows, database, (System.nanoTime() - started) / 1e9);
        return fixture;
    }

    /** The copies' condition: the templates' rows alone, not the copies made before. */
    private static final String TEMPLATES_ONLY = "WHERE t.provisioning_order_id BETWEEN 'T-00' AND 'T-99'";

    /** Copies a hundred thousand orders at most a statement. */
    private static final int COPIES_PER_STATEMENT = 100_000 / TEMPLATES;

    /**
     * Runs {@code copy} (its {@code %s} the range of copy numbers {@code r.x}) for every copy of the
     * templates up to {@code rows} orders, in statements of {@code perStatement} copies
     * ({@value #COPIES_PER_STATEMENT} when loading for the benchmarks) each committed on their own: in one statement, H2 in memory holds the whole transaction's undo log
     * beside the rows, which for 6,000,000 stage rows outgrew the scale groups' heap. Each copies
     * the templates only, which keep their ids until every copy is made.
     */
    private static void copy(Statement s, Database database, String copy, int rows, int perStatement) throws SQLException {
        int copies = rows / TEMPLATES;
        for (int from = 0; from < copies; from += perStatement) {
            int to = Math.min(copies, from + perStatement) - 1;
            String range = database == Database.H2 ? "SYSTEM_RANGE(" + from + ", " + to + ") r"
                    : "generate_series(" + from + ", " + to + ") AS r(x)";
            s.executeUpdate(String.format(copy, range));
        }
    }

    /**
     * Deletes the orders written after loading (ids {@code PO-9...}, see {@link #WRITTEN}) and every
     * outbox row, so that the next trial finds the loaded size again.
     *
     * @param fixture a loaded fixture
     */
    public static void deleteWritten(Fixture fixture) {
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("keyline_provisioning_stage_after", "keyline_provisioning_stage",
                    "keyline_provisioning_order")) {
                s.executeUpdate("DELETE FROM " + table + " WHERE provisioning_order_id >= 'PO-" + WRITTEN / 100_000_000 + "'");
            }
            s.executeUpdate("DELETE FROM keyline_outbox");
        } catch (SQLException e) {
            throw new IllegalStateException("deleting the written orders failed", e);
        }
    }

    /** The number of the first order a write benchmark writes. */
    public static final long WRITTEN = 900_000_000L;
}
