package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.tck.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A pool's holding rows, written as the changes since the rows last stored (changed rows updated,
 * new rows inserted, rows past the end deleted, or all rows again when most changed), on a real
 * database: random sequences of reservations, allocations, cancellations, releases and
 * retirements on one pool, and after every command, accepted or refused, a storage that reads the
 * tables whole (its cache off) restores exactly the pool that the storage that saved it holds, and
 * the holding rows are numbered 1 to n without gaps.
 */
abstract class PoolHoldingsContract {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Actor GM = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    private static final PoolId POOL = new PoolId("POOL-1");
    private static final int EXAMPLES = 25;

    /** The database to run on. */
    abstract DataSource dataSource();

    @Test
    void everyCommandLeavesTheRowsThatRestoreThePoolItSaved() {
        qt().withFixedSeed(20261204L).withExamples(EXAMPLES)
                .forAll(lists().of(integers().between(0, 5 * 64 - 1)).ofSizeBetween(1, 24))
                .checkAssert(this::runs);
    }

    private void runs(List<Integer> steps) {
        TestDatabases.emptyStorage(dataSource());
        ResourcePools warm = ResourcePools.on(runtime(JdbcSession.DEFAULT_CACHED_AGGREGATE_ROWS));
        ResourcePools cold = ResourcePools.on(runtime(0));
        warm.openPool(GM, POOL, ResourceType.DDN_PORT, new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 60,
                Duration.ZERO);
        List<ReservationId> reservations = new ArrayList<>();
        List<AllocationId> allocations = new ArrayList<>();
        int n = 0;
        for (int step : steps) {
            n++;
            int op = step % 5;
            int pick = step / 5;
            String what;
            try {
                switch (op) {
                    case 0 -> {
                        ReservationId id = new ReservationId("RS-" + n);
                        what = "reserve " + id;
                        warm.reserve(GM, POOL, id, new ReservationTerms(new AccountId("KA-" + pick % 3),
                                ReservationPurpose.ORDER, "PO-" + n, 1 + pick % 5, NOW, NOW.plus(Duration.ofDays(30)),
                                NOW.plus(Duration.ofDays(5))));
                        reservations.add(id);
                    }
                    case 1 -> {
                        ReservationId from = reservations.isEmpty() ? new ReservationId("none")
                                : reservations.get(pick % reservations.size());
                        AllocationId id = new AllocationId("AL-" + n);
                        what = "allocate " + id + " from " + from;
                        warm.allocate(GM, from, id, 1 + pick % 3);
                        allocations.add(id);
                    }
                    case 2 -> {
                        ReservationId id = reservations.isEmpty() ? new ReservationId("none")
                                : reservations.get(pick % reservations.size());
                        what = "cancel " + id;
                        warm.cancel(GM, id, "no longer needed");
                    }
                    case 3 -> {
                        AllocationId id = allocations.isEmpty() ? new AllocationId("none")
                                : allocations.get(pick % allocations.size());
                        what = "release " + id;
                        warm.release(GM, POOL, id);
                    }
                    default -> {
                        what = "retire " + (1 + pick % 4);
                        warm.retire(GM, POOL, 1 + pick % 4, "worn out");
                    }
                }
            } catch (KeylineException refused) {
                what = "refused: " + refused.getMessage();
            }
            ResourcePoolSnapshot saved = warm.findPool(POOL).orElseThrow();
            ResourcePoolSnapshot stored = cold.findPool(POOL).orElseThrow();
            assertThat(stored).as("after step %d (%s) of %s", n, what, steps).isEqualTo(saved);
            assertThat(lineNumbers()).as("after step %d (%s)", n, what).isEqualTo(oneTo(lineNumbers().size()));
        }
    }

    private Keyline runtime(long keptRows) {
        return Keyline.builder().storage(JdbcStorage.builder(dataSource()).migrate(false).cachedAggregateRows(keptRows).build())
                .clock(TestClock.at(NOW)).build();
    }

    private List<Integer> lineNumbers() {
        List<Integer> numbers = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT line_no FROM keyline_resource_holding ORDER BY line_no")) {
            while (rs.next()) {
                numbers.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return numbers;
    }

    private static List<Integer> oneTo(int size) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
