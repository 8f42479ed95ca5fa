package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The KPI facts the SQL benchmark loads are valid aggregates: every copy is read back by its
 * repository (which refuses a corrupt row), holds its seed's facts, and no seed is left; and
 * the benchmark's set-up, which refuses to measure when SQL and streaming differ, passes.
 */
class StoredKpiFactsTest {

    private static final int COPIES = 2;

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyCopyIsReadBackByItsRepositoryWithItsSeedsFacts(Database database) throws SQLException {
        try (Fixture fixture = StoredKpiFacts.load(database, COPIES * StoredKpiFacts.SEEDS)) {
            ProvisioningOrderRepository orders = fixture.storage().port(ProvisioningOrderRepository.class);
            FaultTicketRepository tickets = fixture.storage().port(FaultTicketRepository.class);
            KeyAccountRepository accounts = fixture.storage().port(KeyAccountRepository.class);
            fixture.storage().transactions().run(() -> {
                for (int k = 0; k < StoredKpiFacts.SEEDS; k++) {
                    long second = StoredKpiFacts.SEEDS + k;
                    if (k < StoredKpiFacts.ORDERS) {
                        ProvisioningOrder first = orders.get(new ProvisioningOrderId(StoredKpiFacts.orderId(k)));
                        ProvisioningOrder copy = orders.get(new ProvisioningOrderId(StoredKpiFacts.orderId(second)));
                        assertThat(first.acceptedAt()).isPresent().isEqualTo(copy.acceptedAt());
                        assertThat(first.committedCompletion()).isEqualTo(copy.committedCompletion());
                    } else if (k < StoredKpiFacts.ORDERS + StoredKpiFacts.FAULTS) {
                        FaultTicket first = tickets.get(new FaultTicketId(StoredKpiFacts.ticketId(k)));
                        FaultTicket copy = tickets.get(new FaultTicketId(StoredKpiFacts.ticketId(second)));
                        assertThat(first.resolvedAt()).isPresent().isEqualTo(copy.resolvedAt());
                    } else {
                        KeyAccount first = accounts.get(new AccountId(StoredKpiFacts.accountId(k)));
                        KeyAccount copy = accounts.get(new AccountId(StoredKpiFacts.accountId(second)));
                        assertThat(first.exitedAt()).isEqualTo(copy.exitedAt());
                    }
                }
            });
            assertThat(count(fixture, "keyline_provisioning_order")).isEqualTo(COPIES * StoredKpiFacts.ORDERS);
            assertThat(count(fixture, "keyline_fault_ticket")).isEqualTo(COPIES * StoredKpiFacts.FAULTS);
            assertThat(count(fixture, "keyline_key_account")).isEqualTo(COPIES * StoredKpiFacts.ACCOUNTS);
            assertThat(count(fixture, "keyline_outbox")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theBenchmarksSetUpFindsSqlAndStreamingEqual(Database database) {
        KpiSqlBenchmark benchmark = new KpiSqlBenchmark();
        benchmark.database = database;
        benchmark.facts = COPIES * StoredKpiFacts.SEEDS;
        try {
            benchmark.setUp();
        } finally {
            benchmark.tearDown();
        }
    }

    private static long count(Fixture fixture, String table) throws SQLException {
        try (Connection c = fixture.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
