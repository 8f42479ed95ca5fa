package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.SpareBelowMinimum;
import dev.keyline.domain.resource.SpareConsumption;
import dev.keyline.domain.resource.SpareMonthlyIssues;
import dev.keyline.domain.resource.SparePlanLine;
import dev.keyline.domain.resource.SparePlanRule;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareScrapSource;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.resource.SpareCheckReport;
import dev.keyline.runtime.resource.SpareDailyCheck;
import dev.keyline.runtime.resource.SpareParts;
import dev.keyline.spi.Notification;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import dev.keyline.tck.RecordingSink;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spare parts through the runtime on one provider: commands save the stock and write their event
 * in one transaction, an issue appends to the consumption history, a refused command writes
 * nothing, the monthly plan reads the history, and the daily check raises
 * {@code resource.spare-below-minimum} once per stock and day across pages. Keeping the stocks is
 * for the network centre, handling parts also for a station; anyone else is refused and changes
 * nothing.
 */
public abstract class SparePartsServicesContract extends StorageBackedContract {

    /** The network centre's manager, who keeps the stocks. */
    protected static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
    /** A station manager, whose station takes parts out for repairs and brings them back. */
    protected static final Actor STATION = Actor.withRoles(new UserId("sun"), Role.STATION_MANAGER);
    /** A marketing manager, who has nothing to do with spare parts. */
    protected static final Actor MARKETING = Actor.withRoles(new UserId("feng"), Role.MARKETING_MANAGER);

    /** The host's zone of the tests. */
    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TestClock clock;
    private RecordingSink sink;
    private Keyline keyline;
    private SpareParts spares;

    /** A runtime over this test's storage, at 9:00 in Shanghai on Monday 2 March 2026. */
    @BeforeEach
    void createRuntime() {
        clock = TestClock.at(Instant.parse("2026-03-02T01:00:00Z"));
        sink = new RecordingSink("recorder");
        keyline = Keyline.builder().storage(storage).clock(clock).zone(SHANGHAI).sink(sink).build();
        spares = SpareParts.on(keyline);
    }

    private List<String> delivered() {
        keyline.relay().pumpUntilIdle(20);
        return sink.accepted().stream().map(Notification::type).toList();
    }

    private List<SpareConsumption> history(SpareStockId stock) {
        return keyline.transactions().execute(() -> storage.port(SpareConsumptionRepository.class)
                .byStock(stock, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)));
    }

    @Test
    void commandsMoveUnitsWriteTheirEventsAndIssuesReachTheHistory() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "OPT-10G");
        SpareReservationRef fault = new SpareReservationRef("FT-7");
        spares.setMinimum(NETWORK_CENTRE, stock, 2);
        spares.receive(NETWORK_CENTRE, stock, 6);
        spares.reserve(NETWORK_CENTRE, stock, fault, 2);
        spares.issueReserved(NETWORK_CENTRE, stock, fault, 2);
        spares.issueDirectly(NETWORK_CENTRE, stock, 1);
        spares.returnFaulty(NETWORK_CENTRE, stock, 1);
        spares.repairDone(NETWORK_CENTRE, stock, 1);
        spares.returnUnused(NETWORK_CENTRE, stock, 1);
        spares.reserve(NETWORK_CENTRE, stock, fault, 1);
        spares.releaseReservation(NETWORK_CENTRE, stock, fault, 1);
        SpareStockSnapshot after = spares.scrap(NETWORK_CENTRE, stock, SpareScrapSource.ON_HAND, 1, "obsolete");
        assertThat(after.onHand()).isEqualTo(4);
        assertThat(after.reservations()).isEmpty();
        assertThat(after.underRepair()).isZero();
        assertThat(after.minimum()).isEqualTo(2);
        assertThat(spares.stock(stock)).isEqualTo(after);
        assertThat(delivered()).containsExactly("resource.spare-minimum-set", "resource.spare-received",
                "resource.spare-reserved", "resource.spare-issued", "resource.spare-issued", "resource.spare-returned",
                "resource.spare-repaired", "resource.spare-returned", "resource.spare-reserved",
                "resource.spare-reservation-released", "resource.spare-scrapped");
        assertThat(history(stock)).extracting(SpareConsumption::quantity).containsExactlyInAnyOrder(2L, 1L);
        assertThat(history(stock)).extracting(SpareConsumption::day).containsOnly(LocalDate.of(2026, 3, 2));
    }

    @Test
    void theNetworkCentreKeepsTheStocksAStationHandlesPartsAndAnyoneElseIsRefusedChangingNothing() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "OPT-10G");
        SpareStockId fresh = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "FAN-2");
        SpareReservationRef fault = new SpareReservationRef("FT-1");
        spares.setMinimum(NETWORK_CENTRE, stock, 3);
        spares.receive(NETWORK_CENTRE, stock, 6);
        spares.reserve(STATION, stock, fault, 2);
        spares.issueReserved(STATION, stock, fault, 1);
        spares.returnFaulty(STATION, stock, 1);
        SpareStockSnapshot before = spares.stock(stock);
        int deliveredBefore = delivered().size();

        List<Runnable> refused = List.of(
                () -> spares.receive(MARKETING, stock, 1),
                () -> spares.receive(MARKETING, fresh, 1),
                () -> spares.setMinimum(MARKETING, fresh, 1),
                () -> spares.reserve(MARKETING, stock, new SpareReservationRef("FT-2"), 1),
                () -> spares.releaseReservation(MARKETING, stock, fault, 1),
                () -> spares.issueReserved(MARKETING, stock, fault, 1),
                () -> spares.issueDirectly(MARKETING, stock, 1),
                () -> spares.returnUnused(MARKETING, stock, 1),
                () -> spares.returnFaulty(MARKETING, stock, 1),
                () -> spares.repairDone(STATION, stock, 1),
                () -> spares.scrap(STATION, stock, SpareScrapSource.UNDER_REPAIR, 1, "burnt"),
                () -> spares.setMinimum(STATION, stock, 5),
                () -> spares.receive(STATION, stock, 1),
                () -> SpareDailyCheck.on(keyline).run(STATION));
        for (Runnable command : refused) {
            assertThatThrownBy(command::run).isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not");
        }

        assertThat(spares.stock(stock)).isEqualTo(before);
        assertThatThrownBy(() -> spares.stock(fresh)).as("no stock created by a refused receipt")
                .isInstanceOf(NotFoundException.class);
        assertThat(history(stock)).hasSize(1);
        assertThat(delivered()).hasSize(deliveredBefore);
        assertThat(spares.repairDone(NETWORK_CENTRE, stock, 1).underRepair()).isZero();
    }

    @Test
    void aRefusedCommandWritesNothing() {
        SpareStockId stock = SpareStockRepositoryContract.stock(SpareStockRepositoryContract.freshDepot(), "OPT-10G");
        SpareStockSnapshot before = spares.receive(NETWORK_CENTRE, stock, 1);
        delivered();
        int deliveredBefore = sink.accepted().size();
        assertThatThrownBy(() -> spares.issueDirectly(NETWORK_CENTRE, stock, 2)).isInstanceOf(InsufficientCapacityException.class);
        assertThatThrownBy(() -> spares.issueDirectly(NETWORK_CENTRE, SpareStockRepositoryContract.stock(
                SpareStockRepositoryContract.freshDepot(), "NONE"), 1)).isInstanceOf(NotFoundException.class);
        assertThat(spares.stock(stock)).isEqualTo(before);
        assertThat(history(stock)).isEmpty();
        assertThat(delivered()).hasSize(deliveredBefore);
    }

    @Test
    void theMonthlyPlanReadsTheIssuesOfTheMonthsBefore() {
        DepotId depot = SpareStockRepositoryContract.freshDepot();
        SpareStockId optics = SpareStockRepositoryContract.stock(depot, "OPT-10G");
        SpareStockId fans = SpareStockRepositoryContract.stock(depot, "FAN-1");
        spares.receive(NETWORK_CENTRE, optics, 20);
        spares.setMinimum(NETWORK_CENTRE, optics, 3);
        spares.issueDirectly(NETWORK_CENTRE, optics, 4);                   // March
        clock.advance(Duration.ofDays(31));
        spares.issueDirectly(NETWORK_CENTRE, optics, 2);                   // April
        spares.issueDirectly(NETWORK_CENTRE, optics, 3);                   // April
        clock.advance(Duration.ofDays(30));
        spares.setMinimum(NETWORK_CENTRE, fans, 1);                         // May, no issues at all
        // June's plan reads March to May: (4 + 5 + 0) / 3 = 3; optics has 11 available, so orders nothing
        List<SparePlanLine> june = spares.monthlyPlan(depot, YearMonth.of(2026, 6));
        assertThat(june).containsExactly(
                new SparePlanLine(fans, YearMonth.of(2026, 6), 0, 1, 0, 0, 1),
                new SparePlanLine(optics, YearMonth.of(2026, 6), 3, 3, 11, 0, 0));
        // April's plan with a one-month rule reads March only: need 4, order 4 + 3 - 11 < 0 → 0
        assertThat(SpareParts.on(keyline, new SparePlanRule(1)).planLine(optics, YearMonth.of(2026, 4)).need()).isEqualTo(4);
        assertThat(keyline.transactions().execute(() -> storage.port(SpareConsumptionRepository.class)
                .monthlyIssues(optics, YearMonth.of(2026, 1), YearMonth.of(2026, 12))))
                .containsExactly(new SpareMonthlyIssues(YearMonth.of(2026, 3), 4), new SpareMonthlyIssues(YearMonth.of(2026, 4), 5));
        assertThat(spares.monthlyPlan(SpareStockRepositoryContract.freshDepot(), YearMonth.of(2026, 6))).isEmpty();
    }

    @Test
    void theDailyCheckRaisesOncePerStockAndDayAcrossPages() {
        DepotId depot = SpareStockRepositoryContract.freshDepot();
        SpareStockId a = SpareStockRepositoryContract.stock(depot, "P-1");
        SpareStockId b = SpareStockRepositoryContract.stock(depot, "P-2");
        SpareStockId c = SpareStockRepositoryContract.stock(depot, "P-3");
        SpareStockId full = SpareStockRepositoryContract.stock(depot, "P-4");
        for (SpareStockId s : List.of(a, b, c)) {
            spares.setMinimum(NETWORK_CENTRE, s, 2);
        }
        spares.receive(NETWORK_CENTRE, full, 5);
        spares.setMinimum(NETWORK_CENTRE, full, 2);
        delivered();
        SpareDailyCheck check = SpareDailyCheck.on(keyline, 1);

        SpareCheckReport monday = check.run(NETWORK_CENTRE);
        assertThat(monday.day()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(monday.raised()).extracting(SpareBelowMinimum::stock).containsExactly(a, b, c);
        assertThat(monday.belowMinimum()).isGreaterThanOrEqualTo(3);
        assertThat(monday.raised()).allSatisfy(e -> {
            assertThat(e.available()).isZero();
            assertThat(e.minimum()).isEqualTo(2);
        });

        SpareCheckReport again = check.run(NETWORK_CENTRE);
        assertThat(again.raised()).as("the same day raises nothing again").isEmpty();
        assertThat(again.belowMinimum()).isEqualTo(monday.belowMinimum());
        assertThat(delivered().stream().filter("resource.spare-below-minimum"::equals)).hasSize(3);

        spares.receive(NETWORK_CENTRE, b, 3);
        clock.advance(Duration.ofDays(1));
        SpareCheckReport tuesday = SpareDailyCheck.on(keyline).run(NETWORK_CENTRE);
        assertThat(tuesday.day()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(tuesday.raised()).extracting(SpareBelowMinimum::stock).containsExactly(a, c);
        assertThat(spares.stock(a).lastBelowMinimumDay()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(spares.stock(b).lastBelowMinimumDay()).isEqualTo(LocalDate.of(2026, 3, 2));
    }
}
