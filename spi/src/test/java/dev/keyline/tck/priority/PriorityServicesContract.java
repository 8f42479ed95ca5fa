package dev.keyline.tck.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRankingRecorded;
import dev.keyline.domain.priority.RankedAccount;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.priority.ServiceTierBand;
import dev.keyline.domain.priority.ServiceTierTable;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.priority.PriorityRankings;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The priority service on a provider, with the work-order services following it: a quarter ranked
 * from stored facts, its event in the outbox, and provisioning orders of the first-ranked account
 * opened with a tightened plan and listed first in a station's queue read from storage.
 */
public abstract class PriorityServicesContract {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Period Q1 = Period.quarter(2026, 1);
    static final Actor BILLING = Actor.withRoles(new UserId("it-li"), Role.IT_SUPPORT);
    static final Actor GM = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    static final Actor MANAGER = Actor.accountManager(new UserId("am-wang"));
    static final StageId WORK = new StageId("work");
    static final WorkOrderStation STATION = new WorkOrderStation("st-local");

    private StorageProvider storage;
    private Keyline keyline;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @BeforeEach
    void open() {
        storage = newStorage();
        keyline = Keyline.builder().storage(storage).clock(TestClock.at(NOW)).build();
    }

    @AfterEach
    void close() {
        discard(storage);
    }

    private void fact(PriorityRankings priority, String id, String account, Period period, String revenue) {
        priority.recordResult(BILLING, new AccountResultFact(new AccountResultFactId(id), new AccountId(account), period,
                new ProductCode("DDN"), Industry.FINANCE, Money.cny(new BigDecimal(revenue)), Money.cny(BigDecimal.ONE), NOW));
    }

    @Test
    void the_first_ranked_accounts_orders_get_a_tighter_plan_and_the_head_of_the_queue() {
        PriorityRankings priority = PriorityRankings.on(keyline);
        fact(priority, "a1", "KA-A", Q1, "100");
        fact(priority, "b1", "KA-B", Q1, "900");
        fact(priority, "b0", "KA-B", Period.quarter(2025, 4), "300");
        List<RankedAccount> ranked = priority.rank(GM, Q1, Segment.all(), new RankingWeights(BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ONE), GrowthBasis.PREVIOUS_PERIOD).entries();
        assertThat(ranked).extracting(e -> e.account().value()).containsExactly("KA-B", "KA-A");
        assertThat(storage.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 100)))
                .extracting(e -> e.message().type()).contains(PriorityRankingRecorded.TYPE);

        ServiceTierTable tiers = ServiceTierTable.of(new ServiceTierBand("PLATINUM", 1, 1, new BigDecimal("0.5"), BigDecimal.ONE));
        ProvisioningOrders orders = ProvisioningOrders.on(keyline).withPriorities(priority.latestServicePriorities(tiers));
        for (String account : List.of("KA-A", "KA-B", "KA-C")) {
            orders.open(MANAGER, new ProvisioningOrderId("PO-" + account), new ProvisioningParties(new AccountId(account),
                    new ProductCode("DDN"), new LocalNetworkId("SZ"), new UserId("am-wang"), new UserId("it-li")),
                    StagePlan.of(List.of(PlannedStage.ofDays(WORK, BigDecimal.ONE, List.of()))),
                    List.of(new StageAssignment(WORK, STATION, new LocalNetworkId("SZ"), new UserId("sm"), new UserId("ex"))),
                    Optional.empty());
        }
        List<ProvisioningOrderSnapshot> queue = orders.queue(STATION);
        assertThat(queue).extracting(o -> o.id().value()).containsExactly("PO-KA-B", "PO-KA-A", "PO-KA-C");
        assertThat(queue.get(0).committedCompletion()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(queue.get(1).committedCompletion()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(priority.history(Segment.all())).hasSize(1);
    }
}
