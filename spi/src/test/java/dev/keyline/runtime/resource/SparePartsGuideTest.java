package dev.keyline.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.ScarcityBreakpoint;
import dev.keyline.domain.resource.ScarcityPriceCurve;
import dev.keyline.domain.resource.SparePartNumber;
import dev.keyline.domain.resource.SparePlanLine;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the resources guide's sections "Spare parts" and "Scarcity prices", run as written there. */
class SparePartsGuideTest {

    @Test
    void theSparePartsExampleRuns() {
        TestClock clock = TestClock.standard();                       // 2026-03-02
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).build();
        SpareParts spares = SpareParts.on(keyline);                // the plan takes 3 months of issues
        Actor networkCentre = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
        SpareStockId optics = SpareStockId.of(new DepotId("SZ-CENTRAL"), new SparePartNumber("OPT-10G"));
        SpareReservationRef fault = new SpareReservationRef("FT-2026-0042");

        spares.setMinimum(networkCentre, optics, 4);
        spares.receive(networkCentre, optics, 8);
        spares.reserve(networkCentre, optics, fault, 2);
        spares.issueReserved(networkCentre, optics, fault, 2);                    // on hand 6, recorded in the history
        spares.issueDirectly(networkCentre, optics, 3);                           // on hand 3: below the minimum of 4
        spares.returnFaulty(networkCentre, optics, 1);                            // the broken module goes to repair

        SpareCheckReport today = SpareDailyCheck.on(keyline).run(networkCentre);    // raises resource.spare-below-minimum
        SpareCheckReport again = SpareDailyCheck.on(keyline).run(networkCentre);    // same day: raises nothing
        SparePlanLine next = spares.planLine(optics, YearMonth.from(keyline.today()).plusMonths(1));
        // need = ceil(5 / 3) = 2; order = 2 + 4 - (3 + 1) = 2

        assertThat(today.raised()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("resource.spare-below-minimum");
            assertThat(e.available()).isEqualTo(3);
            assertThat(e.minimum()).isEqualTo(4);
        });
        assertThat(again.raised()).isEmpty();
        assertThat(next.need()).isEqualTo(2);
        assertThat(next.order()).isEqualTo(2);
    }

    @Test
    void theScarcityPriceExampleRuns() {
        ScarcityPriceCurve leasing = ScarcityPriceCurve.of(List.of(
                ScarcityBreakpoint.at("0.5", "1"), ScarcityBreakpoint.at("0.8", "1.5"), ScarcityBreakpoint.at("0.95", "3")));
        assertThat(leasing.priceAt(Money.cny("1000.00"), new BigDecimal("0.2"))).isEqualTo(Money.cny("1000.00"));
        assertThat(leasing.priceAt(Money.cny("1000.00"), new BigDecimal("0.65"))).isEqualTo(Money.cny("1250.00"));
        assertThat(leasing.priceAt(Money.cny("1000.00"), new BigDecimal("0.6"))).isEqualTo(Money.cny("1166.67"));
        assertThat(leasing.priceAt(Money.cny("1000.00"), new BigDecimal("0.9"))).isEqualTo(Money.cny("2500.00"));
        assertThat(leasing.priceAt(Money.cny("1000.00"), BigDecimal.ONE)).isEqualTo(Money.cny("3000.00"));
    }
}
