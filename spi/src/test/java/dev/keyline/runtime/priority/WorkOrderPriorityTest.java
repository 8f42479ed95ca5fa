package dev.keyline.runtime.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.RankedAccount;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.priority.ServiceTierBand;
import dev.keyline.domain.priority.ServiceTierTable;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.workorder.FaultTickets;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service priority follows the ranking end to end: billing's facts are recorded, the quarter is
 * ranked, and the work-order services given the ranking's service priorities open a higher-ranked
 * account's orders and tickets with tighter targets and list them first in a station's queue,
 * while unranked accounts keep their targets.
 */
class WorkOrderPriorityTest {

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Period Q1 = Period.quarter(2026, 1);
    static final Actor BILLING = Actor.withRoles(new UserId("fin-chen"), Role.FINANCIAL_MANAGER);
    static final Actor ANALYST = Actor.withRoles(new UserId("ma-gao"), Role.MARKET_ANALYST);
    static final Actor MANAGER = Actor.accountManager(new UserId("am-wang"));
    static final Actor NETWORK = Actor.withRoles(new UserId("ncm-zhao"), Role.NETWORK_CENTRE_MANAGER);
    static final AccountId BANK = new AccountId("KA-BANK");
    static final AccountId HOTEL = new AccountId("KA-HOTEL");
    static final AccountId SHOP = new AccountId("KA-SHOP");
    static final ServiceTierTable TIERS = ServiceTierTable.of(
            new ServiceTierBand("PLATINUM", 1, 1, new BigDecimal("0.5"), new BigDecimal("0.5")));
    static final StageId WORK = new StageId("work");
    static final WorkOrderStation STATION = new WorkOrderStation("st-local");

    private Keyline keyline;
    private PriorityRankings priority;

    @BeforeEach
    void rankTheQuarter() {
        keyline = Keyline.builder().storage(new InMemoryStorage()).clock(TestClock.at(NOW)).build();
        priority = PriorityRankings.on(keyline);
        record("b1", BANK, Q1, Industry.FINANCE, "9000", "3000");
        record("b0", BANK, Period.quarter(2025, 1), Industry.FINANCE, "6000", "2000");
        record("h1", HOTEL, Q1, Industry.TOURISM, "1000", "100");
        record("h0", HOTEL, Period.quarter(2025, 1), Industry.TOURISM, "1000", "100");
        priority.rank(ANALYST, Q1, Segment.all(), RankingWeights.EQUAL, GrowthBasis.SAME_PERIOD_LAST_YEAR);
    }

    private boolean record(String id, AccountId account, Period period, Industry industry, String revenue, String profit) {
        return priority.recordResult(BILLING, new AccountResultFact(new AccountResultFactId(id), account, period,
                new ProductCode("DDN"), industry, Money.cny(new BigDecimal(revenue)), Money.cny(new BigDecimal(profit)), NOW));
    }

    private static StagePlan oneStage(String days) {
        return StagePlan.of(List.of(PlannedStage.ofDays(WORK, new BigDecimal(days), List.of())));
    }

    private static ProvisioningParties parties(AccountId account) {
        return new ProvisioningParties(account, new ProductCode("DDN"), new LocalNetworkId("SZ"), new UserId("am-wang"),
                new UserId("it-li"));
    }

    private static List<StageAssignment> atStation() {
        return List.of(new StageAssignment(WORK, STATION, new LocalNetworkId("SZ"), new UserId("sm-sun"), new UserId("ex-zhou")));
    }

    @Test
    void the_quarter_is_ranked_by_the_weighted_score_and_kept() {
        PriorityRankingSnapshot ranking = priority.find(Q1, Segment.all()).orElseThrow();
        assertThat(ranking.entries()).extracting(RankedAccount::account).containsExactly(BANK, HOTEL);
        assertThat(ranking.entries().get(0).result().growth()).contains(new BigDecimal("0.500000"));
        assertThat(priority.history(Segment.all())).hasSize(1);
        assertThat(priority.find(Q1, Segment.industry(Industry.FINANCE))).isEmpty();
        assertThatThrownBy(() -> priority.rank(ANALYST, Q1, Segment.all(), RankingWeights.EQUAL, GrowthBasis.PREVIOUS_PERIOD))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> priority.rank(ANALYST, Period.quarter(2026, 2), Segment.all(), RankingWeights.EQUAL,
                GrowthBasis.PREVIOUS_PERIOD)).isInstanceOf(InvalidStateException.class).hasMessageContaining("nothing to rank");
    }

    @Test
    void facts_are_idempotent_by_id_and_conflicts_are_refused() {
        assertThat(record("b1", BANK, Q1, Industry.FINANCE, "9000", "3000")).isFalse();
        assertThatThrownBy(() -> record("b1", BANK, Q1, Industry.FINANCE, "9001", "3000"))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("b1");
        assertThatThrownBy(() -> record("b2", BANK, Q1, Industry.TOURISM, "1", "1"))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("industry");
        assertThat(record("b2", BANK, Q1, Industry.FINANCE, "-500", "-500")).as("a correcting fact").isTrue();
    }

    @Test
    void only_billing_records_facts_and_only_analysts_and_general_managers_rank() {
        assertThatThrownBy(() -> priority.recordResult(MANAGER, new AccountResultFact(new AccountResultFactId("x"), BANK, Q1,
                new ProductCode("DDN"), Industry.FINANCE, Money.cny(BigDecimal.ONE), Money.cny(BigDecimal.ONE), NOW)))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("financial manager");
        assertThatThrownBy(() -> priority.rank(MANAGER, Q1, Segment.product(new ProductCode("DDN")), RankingWeights.EQUAL,
                GrowthBasis.SAME_PERIOD_LAST_YEAR)).isInstanceOf(NotAuthorisedException.class).hasMessageContaining("market analyst");
        assertThat(priority.find(Q1, Segment.product(new ProductCode("DDN")))).isEmpty();
    }

    @Test
    void a_higher_ranked_accounts_order_gets_tighter_stage_deadlines_and_comes_first_in_the_queue() {
        ProvisioningOrders orders = ProvisioningOrders.on(keyline, BusinessCalendar.allDays(ZoneOffset.UTC),
                ProvisioningOrder.DEFAULT_WARNING_SHARE).withPriorities(priority.latestServicePriorities(TIERS));
        ProvisioningOrderSnapshot hotel = orders.open(MANAGER, new ProvisioningOrderId("PO-HOTEL"), parties(HOTEL),
                oneStage("1"), atStation(), Optional.empty());
        ProvisioningOrderSnapshot shop = orders.open(MANAGER, new ProvisioningOrderId("PO-SHOP"), parties(SHOP),
                oneStage("1"), atStation(), Optional.empty());
        ProvisioningOrderSnapshot bank = orders.open(MANAGER, new ProvisioningOrderId("PO-BANK"), parties(BANK),
                oneStage("4"), atStation(), Optional.empty());

        assertThat(hotel.committedCompletion()).as("rank 2, standard").isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(shop.committedCompletion()).as("unranked, standard").isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(bank.committedCompletion()).as("rank 1, PLATINUM: 4 days × 0.5").isEqualTo(NOW.plus(Duration.ofDays(2)));
        Actor executor = Actor.withRoles(new UserId("ex-zhou"), Role.STATION_EXECUTOR);
        assertThat(orders.start(executor, new ProvisioningOrderId("PO-BANK"), WORK).stages().get(0).due())
                .isEqualTo(NOW.plus(Duration.ofDays(2)));

        assertThat(orders.queue(STATION)).extracting(o -> o.id().value())
                .as("priority first, then committed completion, then id").containsExactly("PO-BANK", "PO-HOTEL", "PO-SHOP");
        assertThat(orders.queue(new WorkOrderStation("st-elsewhere"))).isEmpty();
        ProvisioningOrders standard = ProvisioningOrders.on(keyline, BusinessCalendar.allDays(ZoneOffset.UTC),
                ProvisioningOrder.DEFAULT_WARNING_SHARE);
        assertThat(standard.queue(STATION)).extracting(o -> o.id().value())
                .as("without priorities, by committed completion").containsExactly("PO-HOTEL", "PO-SHOP", "PO-BANK");
    }

    @Test
    void a_higher_ranked_accounts_fault_gets_tighter_clocks_and_comes_first_in_the_queue() {
        Map<FaultPriority, TicketClockTargets> targets = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            targets.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
        }
        FaultTickets faults = FaultTickets.on(keyline, TicketClockPolicy.byPriority(targets),
                BusinessCalendar.allDays(ZoneOffset.UTC)).withPriorities(priority.servicePriorities(TIERS, Q1, Segment.all()));
        FaultStation station = new FaultStation("SZ-TRANS-1");
        for (AccountId account : List.of(SHOP, BANK, HOTEL)) {
            FaultTicketId id = new FaultTicketId("FT-" + account.value());
            FaultTicketSnapshot reported = faults.report(MANAGER, id, account, new ProductCode("DDN"), FaultSource.CALL_CENTRE,
                    FaultPriority.HIGH, Optional.empty(), "line down");
            Duration resolution = account.equals(BANK) ? Duration.ofHours(4) : Duration.ofHours(8);
            assertThat(reported.resolution().deadline()).as(account.value()).isEqualTo(NOW.plus(resolution));
            faults.diagnose(NETWORK, id, "line card");
            faults.dispatch(NETWORK, id, station, "replace it");
        }
        assertThat(faults.queue(station)).extracting(t -> t.id().value())
                .containsExactly("FT-KA-BANK", "FT-KA-HOTEL", "FT-KA-SHOP");
        assertThat(faults.queue(new FaultStation("SZ-TRANS-2"))).isEmpty();
        assertThatThrownBy(() -> priority.servicePriorities(TIERS, Period.quarter(2026, 2), Segment.all()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void without_a_ranking_every_account_gets_standard_service() {
        Keyline empty = Keyline.builder().storage(new InMemoryStorage()).clock(TestClock.at(NOW)).build();
        assertThat(PriorityRankings.on(empty).latestServicePriorities(TIERS).priorityOf(BANK)).isEqualTo(ServicePriority.STANDARD);
    }
}
