package dev.keyline.domain.sla;

import static dev.keyline.domain.sla.SlaSamples.DDN;
import static dev.keyline.domain.sla.SlaSamples.FR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ProductCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invariants of {@link ServiceLevelAgreement} under random command sequences. */
class SlaProperties {

    private static final ServiceClassTable TABLE = ServiceClassTable.seedDefaults();

    @Test
    void classLimitsAreNeverExceededRejectedCommandsChangeNothingAndEveryStateRestores() {
        qt().withExamples(300).withShrinkCycles(50).forAll(SlaDriver.seeds(120)).checkAssert(seeds -> {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-P"));
            sla.drainEvents();
            SlaDriver driver = new SlaDriver(sla, TABLE);
            for (int seed : seeds) {
                ServiceLevelAgreementSnapshot before = sla.snapshot();
                try {
                    driver.run(seed);
                } catch (KeylineException refused) {
                    assertThat(sla.snapshot()).as("state after the refused %s", refused.getMessage()).isEqualTo(before);
                    assertThat(sla.pendingEvents()).as("events after a refusal").isEmpty();
                }
                sla.drainEvents();
                assertLimitsHold(sla);
                assertThat(ServiceLevelAgreement.restore(sla.snapshot()).snapshot()).isEqualTo(sla.snapshot());
            }
        });
    }

    @Test
    void amendmentsNeverChangeAMonthThatHasBegun() {
        qt().withExamples(300).withShrinkCycles(50).forAll(SlaDriver.seeds(120)).checkAssert(seeds -> {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-P"));
            SlaDriver driver = new SlaDriver(sla, TABLE);
            for (int seed : seeds) {
                Map<ProductCode, List<Integer>> before = new HashMap<>();
                for (ProductCode p : List.of(DDN, FR)) {
                    before.put(p, sla.agreedVolumes(p));
                }
                try {
                    driver.run(seed);
                } catch (KeylineException refused) {
                    continue;
                }
                YearMonth current = YearMonth.from(LocalDate.ofInstant(driver.clock(), sla.zone()));
                for (ProductCode p : List.of(DDN, FR)) {
                    List<YearMonth> months = sla.term().monthList();
                    for (int i = 0; i < months.size(); i++) {
                        if (!months.get(i).isAfter(current)) {
                            assertThat(sla.agreedVolumes(p).get(i)).as("%s in %s", p, months.get(i))
                                    .isEqualTo(before.get(p).get(i));
                        }
                    }
                }
            }
        });
    }

    @Test
    void everyAcceptedOrderHasItsClassesDaysAndPrice() {
        qt().withExamples(200).forAll(SlaDriver.seeds(80)).checkAssert(seeds -> {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-P"));
            SlaDriver driver = new SlaDriver(sla, TABLE);
            for (int seed : seeds) {
                try {
                    driver.run(seed);
                } catch (KeylineException refused) {
                    // refusals are the first property's concern
                }
            }
            for (SlaOrder order : sla.orders()) {
                ServiceClassTerms terms = TABLE.terms(order.serviceClass());
                ServiceAgreement agreement = sla.agreements().stream().filter(a -> a.product().equals(order.product()))
                        .findFirst().orElseThrow();
                assertThat(order.committedOn()).isEqualTo(order.orderedOn().plusDays(terms.days()));
                BigDecimal exact = agreement.unitPrice().amount().multiply(terms.priceIndex())
                        .multiply(BigDecimal.ONE.subtract(agreement.discount()));
                assertThat(order.price().amount().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            }
        });
    }

    private static void assertLimitsHold(ServiceLevelAgreement sla) {
        for (ProductCode product : List.of(DDN, FR)) {
            for (ServiceClassTerms terms : TABLE.all()) {
                if (terms.window() == LimitWindow.CALENDAR_MONTH) {
                    for (YearMonth month : sla.term().monthList()) {
                        assertThat(sla.ordersIn(product, terms.serviceClass(), month, month)).isLessThanOrEqualTo(terms.limit());
                    }
                } else if (terms.window() == LimitWindow.SLA_PERIOD) {
                    assertThat(sla.ordersIn(product, terms.serviceClass(), sla.term().firstMonth(), sla.term().lastMonth()))
                            .isLessThanOrEqualTo(terms.limit());
                }
            }
        }
        for (DomainEvent ignored : sla.pendingEvents()) {
            throw new AssertionError("events were drained");
        }
    }
}
