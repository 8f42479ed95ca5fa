package dev.keyline.runtime.sla;

import static dev.keyline.domain.sla.SlaSamples.DDN;
import static dev.keyline.domain.sla.SlaSamples.FR;
import static dev.keyline.domain.sla.SlaSamples.GENERAL_MANAGER;
import static dev.keyline.domain.sla.SlaSamples.MARKETING;
import static dev.keyline.domain.sla.SlaSamples.NETWORK_CENTRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.MonthlyReportLine;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassLimitException;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaState;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA service on a runtime: one transaction per command, saved with its events. */
class SlaServicesTest {

    private final TestClock clock = TestClock.at(SlaSamples.at(2025, 12, 1));
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Keyline keyline = Keyline.builder().storage(storage).clock(clock).zone(SlaSamples.ZONE).build();
    private final ServiceLevelAgreements slas = ServiceLevelAgreements.on(keyline);
    private final SlaId id = new SlaId("SLA-SZ-GROUP-2026");

    @Test
    void anSlaRunsFromDraftToEvaluationThroughTheService() {
        slas.draft(MARKETING, id, MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2026), 2,
                SlaSamples.terms(), SlaSamples.agreements(12));
        slas.sign(MARKETING, id, SlaParty.MARKETING);
        slas.sign(NETWORK_CENTRE, id, SlaParty.NETWORK_CENTRE);
        assertThat(slas.approve(GENERAL_MANAGER, id).state()).isEqualTo(SlaState.IN_FORCE);

        clock.set(SlaSamples.at(2026, 3, 2));
        SlaOrder first = slas.acceptOrder(MARKETING, id, "WO-1", DDN, ServiceClass.A);
        assertThat(first.committedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThatThrownBy(() -> slas.acceptOrder(MARKETING, id, "WO-2", DDN, ServiceClass.A))
                .isInstanceOf(ServiceClassLimitException.class).hasMessageContaining("limit of 1 per month 2026-03");
        slas.acceptOrder(MARKETING, id, "WO-2", DDN, ServiceClass.B);
        slas.recordBindingReservation(id, "RES-1", FR, 2);
        clock.advance(Duration.ofDays(1));
        slas.recordCompletion(NETWORK_CENTRE, id, "WO-1");
        assertThatThrownBy(() -> slas.recordCompletion(MARKETING, id, "WO-2")).isInstanceOf(NotAuthorisedException.class);

        clock.set(SlaSamples.at(2026, 4, 1));
        assertThat(slas.issueMonthlyReport(NETWORK_CENTRE, id, YearMonth.of(2026, 3)).lines()).containsExactly(
                new MonthlyReportLine(DDN, 3, 2, 0, 1, 0), new MonthlyReportLine(FR, 2, 0, 2, 0, 0));

        clock.set(SlaSamples.at(2027, 1, 4));
        assertThat(slas.evaluate(GENERAL_MANAGER, id, new BigDecimal("0.5")).products()).hasSize(2);
        assertThat(slas.expire(id).state()).isEqualTo(SlaState.EXPIRED);
        assertThat(slas.find(id)).hasValueSatisfying(s -> assertThat(s.orders()).hasSize(2));

        List<String> types = keyline.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 100)).stream().map(e -> e.message().type()).toList();
        assertThat(types).contains("sla.drafted", "sla.approved", "sla.order-accepted", "sla.class-limit-nearly-reached",
                "sla.reservation-made", "sla.order-completed", "sla.monthly-report-issued",
                "sla.forecast-deviation-exceeded", "sla.expired");
    }

    @Test
    void aRefusedCommandSavesNothingAndAnUnknownSlaIsNotFound() {
        assertThatThrownBy(() -> slas.sign(MARKETING, id, SlaParty.MARKETING)).isInstanceOf(NotFoundException.class);
        slas.draft(MARKETING, id, MarketingDepartment.GROUP_CUSTOMERS, SlaSamples.SUZHOU, SlaTerm.year(2026), 2,
                SlaSamples.terms(), SlaSamples.agreements(12));
        assertThatThrownBy(() -> slas.approve(MARKETING, id)).isInstanceOf(NotAuthorisedException.class);
        assertThat(slas.find(id)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(SlaState.DRAFT);
            assertThat(s.version()).isEqualTo(1);
        });
        assertThat(keyline.transactions().execute(() -> storage.outbox().list(DeliveryStatus.PENDING, 100))).hasSize(1);
    }
}
