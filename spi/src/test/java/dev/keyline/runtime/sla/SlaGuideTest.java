package dev.keyline.runtime.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.sla.AnnualEvaluation;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.MonthlyExecutionReport;
import dev.keyline.domain.sla.MonthlyReportLine;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassLimitException;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the SLA guide (docs/sla.md), run as written there. */
class SlaGuideTest {

    @Test
    void theGuidesStoryRuns() {
        TestClock clock = TestClock.at(Instant.parse("2025-12-01T01:00:00Z"));
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).zone(ZoneOffset.UTC).build();

        // --- guide: draft, sign, approve
        ServiceLevelAgreements slas = ServiceLevelAgreements.on(keyline);
        Actor marketing = Actor.withRoles(new UserId("lin"), Role.MARKETING_MANAGER);
        Actor network = Actor.withRoles(new UserId("ma"), Role.NETWORK_CENTRE_MANAGER);
        Actor general = Actor.withRoles(new UserId("qian"), Role.GENERAL_MANAGER);
        ProductCode ddn = new ProductCode("DDN");
        SlaId id = new SlaId("SLA-SZ-GROUP-2026");

        slas.draft(marketing, id, MarketingDepartment.GROUP_CUSTOMERS, new LocalNetworkId("SZ"), SlaTerm.year(2026),
                2, // amendments permitted in the year
                new SlaTerms("the network centre answers for provisioning", "PRC law", "electronic work orders",
                        "volumes are confidential", false, PricingMethod.PRICE_BASED),
                List.of(new ServiceAgreement(ddn, List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 5), 40, 60,
                        Money.cny("1000.00"), "one price city-wide", new BigDecimal("0.05"),
                        "99.9 % availability", "1 % of the month's price per hour of outage")));
        slas.sign(marketing, id, SlaParty.MARKETING);
        slas.sign(network, id, SlaParty.NETWORK_CENTRE);
        slas.approve(general, id);                                   // IN_FORCE
        // --- end

        // --- guide: orders
        clock.set(Instant.parse("2026-03-02T01:00:00Z"));
        SlaOrder urgent = slas.acceptOrder(marketing, id, "WO-1", ddn, ServiceClass.A);
        // committed 2026-03-04 (2 days), price 1000.00 × 2.0 × (1 − 0.05) = 1900.00
        String refused;
        try {
            slas.acceptOrder(marketing, id, "WO-2", ddn, ServiceClass.A);
            throw new IllegalStateException("a second class A order of DDN in March was accepted");
        } catch (ServiceClassLimitException e) {
            refused = e.getMessage();   // KL-400 SLA SLA-SZ-GROUP-2026 refuses another class A order of DDN:
        }                               // the limit of 1 per month 2026-03 is reached; it is not moved ...
        slas.acceptOrder(marketing, id, "WO-2", ddn, ServiceClass.B);
        clock.set(Instant.parse("2026-03-05T01:00:00Z"));
        slas.recordCompletion(network, id, "WO-1");   // completed 2026-03-05, committed 2026-03-04: late
        // --- end

        assertThat(urgent.committedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(urgent.price()).isEqualTo(Money.cny("1900.00"));
        assertThat(refused).isEqualTo("KL-400 SLA SLA-SZ-GROUP-2026 refuses another class A order of DDN: the limit of 1 per month "
                        + "2026-03 is reached; it is not moved to another class");
        assertThatThrownBy(() -> slas.acceptOrder(marketing, id, "WO-3", ddn, ServiceClass.A))
                .isInstanceOf(ServiceClassLimitException.class);

        // --- guide: reports
        clock.set(Instant.parse("2026-04-01T01:00:00Z"));
        MonthlyExecutionReport march = slas.issueMonthlyReport(network, id, YearMonth.of(2026, 3));
        // DDN: agreed 3, ordered 2, reserved 0, provisioned on time 0, late 1
        clock.set(Instant.parse("2027-01-04T01:00:00Z"));
        AnnualEvaluation year = slas.evaluate(general, id, new BigDecimal("0.2"));
        // accuracy of DDN: max(0, 1 − Σ|ordered − agreed| / Σ agreed) = 1 − 48/50 = 0.04
        // deviation 0.96 > 0.2, so sla.forecast-deviation-exceeded is raised
        slas.expire(id);
        // --- end

        assertThat(march.lines()).containsExactly(new MonthlyReportLine(ddn, 3, 2, 0, 0, 1));
        assertThat(year.products().get(0).accuracy()).isEqualByComparingTo("0.04");
    }
}
