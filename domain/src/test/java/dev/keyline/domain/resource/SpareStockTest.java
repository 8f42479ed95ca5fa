package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spare stock's commands on worked examples: the events they raise and the messages they refuse with. */
class SpareStockTest {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final SpareStockId ID = SpareStockId.of(new DepotId("SZ-CENTRAL"), new SparePartNumber("OPT-10G"));
    private static final SpareReservationRef FAULT = new SpareReservationRef("FT-42");

    @Test
    void aFaultTicketsPartsAreReservedIssuedAndTheFaultyOneRepaired() {
        SpareStock stock = SpareStock.create(ID);
        stock.receive(5, T);
        stock.reserve(FAULT, 2, T);
        stock.issueReserved(FAULT, 1, T);
        stock.releaseReservation(FAULT, 1, T);
        stock.returnFaulty(1, T);
        stock.repairDone(1, T);
        stock.issueDirectly(1, T);
        stock.returnUnused(1, T);
        stock.scrap(SpareScrapSource.ON_HAND, 1, "water damage", T);
        assertThat(stock.onHand()).isEqualTo(4);
        assertThat(stock.reserved()).isZero();
        assertThat(stock.reservations()).isEmpty();
        assertThat(stock.underRepair()).isZero();
        List<String> types = stock.pendingEvents().stream().map(DomainEvent::type).toList();
        assertThat(types).containsExactly("resource.spare-received", "resource.spare-reserved", "resource.spare-issued",
                "resource.spare-reservation-released", "resource.spare-returned", "resource.spare-repaired",
                "resource.spare-issued", "resource.spare-returned", "resource.spare-scrapped");
        SpareIssued fromReservation = (SpareIssued) stock.pendingEvents().get(2);
        assertThat(fromReservation.fromReservation()).contains(FAULT);
        assertThat(fromReservation.quantity()).isEqualTo(1);
        assertThat(((SpareIssued) stock.pendingEvents().get(6)).fromReservation()).isEmpty();
        assertThat(((SpareReturned) stock.pendingEvents().get(4)).faulty()).isTrue();
        assertThat(fromReservation.audience().organisationUnit()).isEqualTo("SZ-CENTRAL");
    }

    @Test
    void theDailyCheckRaisesOncePerDayWhileBelowTheMinimum() {
        SpareStock stock = SpareStock.create(ID);
        stock.receive(3, T);
        stock.setMinimum(2, T);
        assertThat(stock.checkMinimum(MONDAY, T)).as("3 available, minimum 2").isFalse();
        stock.reserve(FAULT, 2, T);
        stock.drainEvents();
        assertThat(stock.checkMinimum(MONDAY, T)).isTrue();
        SpareBelowMinimum raised = (SpareBelowMinimum) stock.drainEvents().get(0);
        assertThat(raised.available()).isEqualTo(1);
        assertThat(raised.minimum()).isEqualTo(2);
        assertThat(raised.day()).isEqualTo(MONDAY);
        assertThat(stock.checkMinimum(MONDAY, T.plusSeconds(60))).as("again the same day").isFalse();
        assertThat(stock.pendingEvents()).isEmpty();
        assertThat(stock.checkMinimum(MONDAY.plusDays(1), T.plusSeconds(86_400))).as("the next day").isTrue();
        assertThatThrownBy(() -> stock.checkMinimum(MONDAY, T)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("day:");
        assertThatThrownBy(() -> stock.checkMinimum(LocalDate.of(10_000, 1, 1), T)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("day: must lie in the years 1 to 9999");
    }

    @Test
    void refusalsSayWhatIsShort() {
        SpareStock stock = SpareStock.create(ID);
        stock.receive(2, T);
        stock.reserve(FAULT, 2, T);
        assertThatThrownBy(() -> stock.issueDirectly(1, T)).isInstanceOf(InsufficientCapacityException.class)
                .hasMessageContaining("only 0 are available (2 on hand, 2 reserved)");
        assertThatThrownBy(() -> stock.scrap(SpareScrapSource.ON_HAND, 1, "old", T))
                .isInstanceOf(InsufficientCapacityException.class);
        assertThatThrownBy(() -> stock.issueReserved(new SpareReservationRef("FT-43"), 1, T))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("reservation FT-43, it holds 0");
        assertThatThrownBy(() -> stock.repairDone(1, T)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("only 0 are under repair");
        assertThatThrownBy(() -> stock.scrap(SpareScrapSource.UNDER_REPAIR, 1, "gone", T))
                .isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> stock.receive(0, T)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("quantity: must be positive");
        assertThatThrownBy(() -> stock.receive(SpareStock.MAX_QUANTITY, T)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("above the most a stock holds");
        assertThatThrownBy(() -> stock.setMinimum(-1, T)).hasMessageContaining("minimum");
        assertThatThrownBy(() -> stock.scrap(SpareScrapSource.ON_HAND, 1, " ", T)).hasMessageContaining("reason");
        assertThat(stock.onHand()).isEqualTo(2);
        assertThat(stock.reservedFor(FAULT)).isEqualTo(2);
    }

    @Test
    void idsJoinDepotAndPartAndRefuseWhatCannotBeSplit() {
        assertThat(ID.value()).isEqualTo("SZ-CENTRAL:OPT-10G");
        assertThat(ID.depot()).isEqualTo(new DepotId("SZ-CENTRAL"));
        assertThat(ID.part()).isEqualTo(new SparePartNumber("OPT-10G"));
        assertThat(new SpareStockId("D:A:B").part()).isEqualTo(new SparePartNumber("A:B"));
        assertThatThrownBy(() -> new SpareStockId("NOCOLON")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("spareStockId: must be '<depot>:<part>'");
        assertThatThrownBy(() -> new SpareStockId(":P")).hasMessageContaining("spareStockId");
        assertThatThrownBy(() -> new SpareStockId("D:")).hasMessageContaining("spareStockId");
        assertThatThrownBy(() -> new DepotId("A:B")).hasMessageContaining("depot: must not contain ':'");
        assertThatThrownBy(() -> new DepotId("D".repeat(DepotId.MAX_LENGTH + 1))).hasMessageContaining("depot: must be at most 31");
        assertThatThrownBy(() -> new SparePartNumber("P".repeat(SparePartNumber.MAX_LENGTH + 1)))
                .hasMessageContaining("part: must be at most 32");
        SpareStockId longest = SpareStockId.of(new DepotId("D".repeat(DepotId.MAX_LENGTH)),
                new SparePartNumber("P".repeat(SparePartNumber.MAX_LENGTH)));
        assertThat(longest.value()).hasSize(64);
    }
}
