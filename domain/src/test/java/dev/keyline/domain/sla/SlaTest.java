package dev.keyline.domain.sla;

import static dev.keyline.domain.sla.SlaSamples.ACCOUNT_MANAGER;
import static dev.keyline.domain.sla.SlaSamples.CALENDAR;
import static dev.keyline.domain.sla.SlaSamples.DDN;
import static dev.keyline.domain.sla.SlaSamples.FR;
import static dev.keyline.domain.sla.SlaSamples.GENERAL_MANAGER;
import static dev.keyline.domain.sla.SlaSamples.MARKETING;
import static dev.keyline.domain.sla.SlaSamples.NETWORK_CENTRE;
import static dev.keyline.domain.sla.SlaSamples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.WeeklyCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The SLA's rules, by example. */
class SlaTest {

    private final ServiceClassTable table = ServiceClassTable.seedDefaults();

    @Nested
    class Lifecycle {

        @Test
        void aDraftIsSignedByBothPartiesThenApprovedIntoForce() {
            ServiceLevelAgreement sla = SlaSamples.draft(new SlaId("SLA-1"));
            assertThat(sla.state()).isEqualTo(SlaState.DRAFT);
            assertThat(sla.agreements().get(0).totalVolume()).isEqualTo(50);

            sla.sign(MARKETING, SlaParty.MARKETING, at(2025, 12, 2));
            assertThat(sla.state()).isEqualTo(SlaState.DRAFT);
            sla.sign(NETWORK_CENTRE, SlaParty.NETWORK_CENTRE, at(2025, 12, 3));
            assertThat(sla.state()).isEqualTo(SlaState.SIGNED);
            sla.approve(GENERAL_MANAGER, at(2025, 12, 4));

            assertThat(sla.state()).isEqualTo(SlaState.IN_FORCE);
            assertThat(types(sla)).containsExactly(SlaDrafted.TYPE, SlaSigned.TYPE, SlaSigned.TYPE, SlaApproved.TYPE);
        }

        @Test
        void eachPartySignsByItsOwnManagerOnceAndOnlyTheGeneralManagerApproves() {
            ServiceLevelAgreement sla = SlaSamples.draft(new SlaId("SLA-1"));
            assertThatThrownBy(() -> sla.sign(MARKETING, SlaParty.NETWORK_CENTRE, at(2025, 12, 2)))
                    .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("NETWORK_CENTRE_MANAGER");
            assertThatThrownBy(() -> sla.approve(GENERAL_MANAGER, at(2025, 12, 2))).isInstanceOf(InvalidStateException.class);
            sla.sign(MARKETING, SlaParty.MARKETING, at(2025, 12, 2));
            assertThatThrownBy(() -> sla.sign(MARKETING, SlaParty.MARKETING, at(2025, 12, 2)))
                    .isInstanceOf(InvalidStateException.class);
            sla.sign(NETWORK_CENTRE, SlaParty.NETWORK_CENTRE, at(2025, 12, 3));
            assertThatThrownBy(() -> sla.approve(MARKETING, at(2025, 12, 4))).isInstanceOf(NotAuthorisedException.class);
        }

        @Test
        void aShorterPeriodNeedsAVolumePerMonthOfIt() {
            SlaTerm half = new SlaTerm(YearMonth.of(2026, 1), 6);
            assertThat(SlaSamples.draft(new SlaId("SLA-H"), half, 1).term().lastMonth()).isEqualTo(YearMonth.of(2026, 6));
            assertThatThrownBy(() -> ServiceLevelAgreement.draft(new SlaId("SLA-H"), MarketingDepartment.GROUP_CUSTOMERS,
                    SlaSamples.SUZHOU, half, SlaSamples.ZONE, 1, SlaSamples.terms(), SlaSamples.agreements(12), MARKETING,
                    SlaSamples.DRAFTED)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("6 months");
        }

        @Test
        void aVolumeOutOfRangeIsNamedByItsMonth() {
            assertThatThrownBy(() -> new ServiceAgreement(DDN, List.of(10, 12, -1), 0, 30, Money.cny("1000.00"), "none",
                    BigDecimal.ZERO, "99.9 %", "none")).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("monthlyVolumes[2]: must be between 0 and");
        }

        @Test
        void itExpiresAfterItsPeriodAndTheGeneralManagerMayTerminateItEarlier() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            assertThatThrownBy(() -> sla.expire(at(2026, 12, 31))).isInstanceOf(InvalidStateException.class);
            sla.expire(at(2027, 1, 1));
            assertThat(sla.state()).isEqualTo(SlaState.EXPIRED);
            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.C, table, CALENDAR, at(2026, 12, 1)))
                    .isInstanceOf(InvalidStateException.class);

            ServiceLevelAgreement other = SlaSamples.inForce(new SlaId("SLA-2"));
            assertThatThrownBy(() -> other.terminate(MARKETING, "merger", at(2026, 3, 1)))
                    .isInstanceOf(NotAuthorisedException.class);
            other.terminate(GENERAL_MANAGER, "departments merged", at(2026, 3, 1));
            assertThat(other.state()).isEqualTo(SlaState.TERMINATED);
            assertThat(ServiceLevelAgreement.restore(other.snapshot()).snapshot()).isEqualTo(other.snapshot());
        }
    }

    @Nested
    class Orders {

        @Test
        void anOrderGetsItsClassesCommittedDateAndPrice() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            SlaOrder a = sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.A, table, CALENDAR, at(2026, 3, 2));
            assertThat(a.orderedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(a.committedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
            // 1000.00 × 2.0 × (1 − 0.05)
            assertThat(a.price()).isEqualTo(Money.cny("1900.00"));
            SlaOrder e = sla.acceptOrder(ACCOUNT_MANAGER, "O-2", FR, ServiceClass.E, table, CALENDAR, at(2026, 3, 2));
            assertThat(e.committedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(e.price()).isEqualTo(Money.cny("400.00"));
        }

        @Test
        void theDaysCountThroughTheHostsBusinessCalendar() {
            WeeklyCalendar weekdays = WeeklyCalendar.builder(SlaSamples.ZONE)
                    .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            // Friday 6 March 2026 + 2 working days = Tuesday 10 March
            SlaOrder a = sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.A, table, weekdays, at(2026, 3, 6));
            assertThat(a.committedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        }

        @Test
        void anOrderOverItsClassLimitIsRefusedNamingClassProductPeriodAndLimitAndNeverDowngraded() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.A, table, CALENDAR, at(2026, 3, 2));
            ServiceLevelAgreementSnapshot before = sla.snapshot();

            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-2", DDN, ServiceClass.A, table, CALENDAR, at(2026, 3, 20)))
                    .isInstanceOfSatisfying(ServiceClassLimitException.class, e -> {
                        assertThat(e.serviceClass()).isEqualTo(ServiceClass.A);
                        assertThat(e.product()).isEqualTo(DDN);
                        assertThat(e.windowStart()).isEqualTo(YearMonth.of(2026, 3));
                        assertThat(e.limit()).isEqualTo(1);
                        assertThat(e.reason().code()).isEqualTo("KL-400");
                    })
                    .hasMessageContaining("class A").hasMessageContaining("DDN").hasMessageContaining("2026-03")
                    .hasMessageContaining("limit of 1");
            assertThat(sla.snapshot()).isEqualTo(before);
            // the limit counts per product and per calendar month
            sla.acceptOrder(MARKETING, "O-3", FR, ServiceClass.A, table, CALENDAR, at(2026, 3, 20));
            sla.acceptOrder(MARKETING, "O-4", DDN, ServiceClass.A, table, CALENDAR, at(2026, 4, 1));
        }

        @Test
        void classBCountsOverTheSlaPeriodAndWarnsAtTheConfiguredShare() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            sla.drainEvents();
            List<DomainEvent> warnings = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                sla.acceptOrder(MARKETING, "O-" + i, DDN, ServiceClass.B, table, CALENDAR, at(2026, i, 3));
                sla.drainEvents().stream().filter(ServiceClassLimitNearlyReached.class::isInstance).forEach(warnings::add);
            }
            assertThat(warnings).singleElement().isInstanceOfSatisfying(ServiceClassLimitNearlyReached.class, w -> {
                assertThat(w.used()).isEqualTo(8);
                assertThat(w.limit()).isEqualTo(10);
                assertThat(w.windowEnd()).isEqualTo(YearMonth.of(2026, 12));
            });
            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-11", DDN, ServiceClass.B, table, CALENDAR, at(2026, 11, 3)))
                    .isInstanceOf(ServiceClassLimitException.class).hasMessageContaining("SLA period 2026-01..2026-12");
        }

        @Test
        void aHostTableChangesDaysIndexLimitAndShare() {
            ServiceClassTable host = table.with(new ServiceClassTerms(ServiceClass.A, 1, new BigDecimal("3"),
                    LimitWindow.CALENDAR_MONTH, 2)).withNearlyReachedShare(new BigDecimal("0.5"));
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            sla.drainEvents();
            SlaOrder first = sla.acceptOrder(MARKETING, "O-1", FR, ServiceClass.A, host, CALENDAR, at(2026, 3, 2));
            assertThat(first.price()).isEqualTo(Money.cny("1500.00"));
            assertThat(sla.drainEvents()).extracting(DomainEvent::type)
                    .containsExactly(SlaOrderAccepted.TYPE, ServiceClassLimitNearlyReached.TYPE);
            sla.acceptOrder(MARKETING, "O-2", FR, ServiceClass.A, host, CALENDAR, at(2026, 3, 3));
            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-3", FR, ServiceClass.A, host, CALENDAR, at(2026, 3, 4)))
                    .isInstanceOf(ServiceClassLimitException.class);
        }

        @Test
        void refusedOrders() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            assertThatThrownBy(() -> sla.acceptOrder(NETWORK_CENTRE, "O-1", DDN, ServiceClass.C, table, CALENDAR, at(2026, 3, 2)))
                    .isInstanceOf(NotAuthorisedException.class);
            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-1", new dev.keyline.domain.common.ProductCode("ATM"),
                    ServiceClass.C, table, CALENDAR, at(2026, 3, 2))).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("no service agreement for ATM");
            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.C, table, CALENDAR, at(2025, 12, 31)))
                    .isInstanceOf(InvalidStateException.class).hasMessageContaining("2026-01..2026-12");
            sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.C, table, CALENDAR, at(2026, 3, 2));
            assertThatThrownBy(() -> sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.C, table, CALENDAR, at(2026, 3, 2)))
                    .isInstanceOf(AlreadyExistsException.class);
        }

        @Test
        void completionFeedbackIsOnTimeOrLateAgainstTheCommittedDate() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.A, table, CALENDAR, at(2026, 3, 2));
            sla.acceptOrder(MARKETING, "O-2", DDN, ServiceClass.C, table, CALENDAR, at(2026, 3, 2));
            assertThat(sla.recordCompletion(NETWORK_CENTRE, "O-1", at(2026, 3, 4)).onTime()).isTrue();
            assertThat(sla.recordCompletion(NETWORK_CENTRE, "O-2", at(2026, 3, 9)).onTime()).isFalse();
            assertThatThrownBy(() -> sla.recordCompletion(NETWORK_CENTRE, "O-2", at(2026, 3, 9)))
                    .isInstanceOf(InvalidStateException.class);
            assertThatThrownBy(() -> sla.recordCompletion(NETWORK_CENTRE, "O-9", at(2026, 3, 9)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Amendments {

        @Test
        void anAmendmentChangesOnlyMonthsNotBegunWithinTheChangeFrequency() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            List<Integer> next = new ArrayList<>(SlaSamples.DDN_VOLUMES);
            next.set(5, 9);
            Amendment first = sla.amend(MARKETING, GENERAL_MANAGER, DDN, next, "new branch in June", at(2026, 3, 15));
            assertThat(first.effectiveFrom()).isEqualTo(YearMonth.of(2026, 4));
            assertThat(sla.agreedVolumes(DDN)).isEqualTo(next);

            List<Integer> rewritesMarch = new ArrayList<>(next);
            rewritesMarch.set(2, 7);
            assertThatThrownBy(() -> sla.amend(MARKETING, GENERAL_MANAGER, DDN, rewritesMarch, "late", at(2026, 3, 20)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("2026-03 has begun");
            assertThatThrownBy(() -> sla.amend(MARKETING, GENERAL_MANAGER, DDN, next, "nothing", at(2026, 3, 20)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("changes no month");
            assertThatThrownBy(() -> sla.amend(MARKETING, MARKETING, DDN, SlaSamples.DDN_VOLUMES, "self", at(2026, 3, 20)))
                    .isInstanceOf(NotAuthorisedException.class);

            List<Integer> second = new ArrayList<>(next);
            second.set(11, 1);
            sla.amend(NETWORK_CENTRE, GENERAL_MANAGER, DDN, second, "capacity in December", at(2026, 4, 1));
            List<Integer> third = new ArrayList<>(second);
            third.set(10, 1);
            assertThatThrownBy(() -> sla.amend(MARKETING, GENERAL_MANAGER, DDN, third, "once more", at(2026, 5, 1)))
                    .isInstanceOf(LimitExceededException.class).hasMessageContaining("permits 2 amendments");
            assertThat(sla.amendments()).extracting(Amendment::number).containsExactly(1, 2);
            assertThat(ServiceLevelAgreement.restore(sla.snapshot()).snapshot()).isEqualTo(sla.snapshot());
        }
    }

    @Nested
    class Records {

        @Test
        void reservationsDocumentsAndTheMonthlyReport() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            sla.drainEvents();
            sla.recordDocument(MARKETING, SlaDocumentKind.RESOURCE_REQUIREMENT, "REQ-1", DDN, "4 circuits in March", at(2026, 2, 20));
            assertThatThrownBy(() -> sla.recordDocument(MARKETING, SlaDocumentKind.FAULT_RESULT, "F-1", DDN, "fixed",
                    at(2026, 2, 21))).isInstanceOf(NotAuthorisedException.class);
            sla.recordBindingReservation("R-1", DDN, 4, at(2026, 3, 1));
            sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.A, table, CALENDAR, at(2026, 3, 2));
            sla.acceptOrder(MARKETING, "O-2", DDN, ServiceClass.C, table, CALENDAR, at(2026, 3, 2));
            sla.acceptOrder(MARKETING, "O-3", FR, ServiceClass.D, table, CALENDAR, at(2026, 3, 5));
            sla.recordCompletion(NETWORK_CENTRE, "O-1", at(2026, 3, 4));
            sla.recordCompletion(NETWORK_CENTRE, "O-2", at(2026, 3, 10));
            sla.recordReservationReleased("R-1", at(2026, 3, 11));
            assertThatThrownBy(() -> sla.recordReservationReleased("R-1", at(2026, 3, 12))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> sla.issueMonthlyReport(NETWORK_CENTRE, YearMonth.of(2026, 3), at(2026, 3, 31)))
                    .isInstanceOf(InvalidStateException.class);

            MonthlyExecutionReport report = sla.issueMonthlyReport(NETWORK_CENTRE, YearMonth.of(2026, 3), at(2026, 4, 1));

            assertThat(report.lines()).containsExactly(new MonthlyReportLine(DDN, 3, 2, 4, 1, 1),
                    new MonthlyReportLine(FR, 2, 1, 0, 0, 0));
            assertThat(sla.drainEvents()).extracting(DomainEvent::type).containsExactly(SlaDocumentRecorded.TYPE,
                    SlaReservationMade.TYPE, SlaOrderAccepted.TYPE, ServiceClassLimitNearlyReached.TYPE, SlaOrderAccepted.TYPE,
                    SlaOrderAccepted.TYPE, SlaOrderCompleted.TYPE, SlaOrderCompleted.TYPE, SlaReservationReleased.TYPE,
                    SlaMonthlyReportIssued.TYPE);
            assertThat(ServiceLevelAgreement.restore(sla.snapshot()).snapshot()).isEqualTo(sla.snapshot());
        }

        @Test
        void theAnnualEvaluationRaisesAnEventForEachProductBeyondTheThreshold() {
            ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
            int n = 0;
            for (int month = 1; month <= 12; month++) {
                for (int i = 0; i < SlaSamples.DDN_VOLUMES.get(month - 1); i++) {
                    sla.acceptOrder(MARKETING, "O-" + n++, DDN, ServiceClass.D, table, CALENDAR, at(2026, month, 2));
                }
            }
            sla.acceptOrder(MARKETING, "O-" + n, FR, ServiceClass.E, table, CALENDAR, at(2026, 5, 2));
            sla.drainEvents();
            assertThatThrownBy(() -> sla.evaluate(GENERAL_MANAGER, new BigDecimal("0.2"), at(2026, 12, 31)))
                    .isInstanceOf(InvalidStateException.class);

            AnnualEvaluation evaluation = sla.evaluate(GENERAL_MANAGER, new BigDecimal("0.2"), at(2027, 1, 5));

            assertThat(evaluation.products().get(0).accuracy()).isEqualByComparingTo("1");
            // FR: agreed 24, ordered 1 → 1 − 23/24
            assertThat(evaluation.products().get(1).accuracy()).isEqualByComparingTo("0.041667");
            assertThat(sla.drainEvents()).singleElement().isInstanceOfSatisfying(ForecastDeviationExceeded.class, e -> {
                assertThat(e.product()).isEqualTo(FR);
                assertThat(e.agreedTotal()).isEqualTo(24);
                assertThat(e.actualTotal()).isEqualTo(1);
            });
        }
    }

    @Test
    void restoreRejectsACorruptSnapshot() {
        ServiceLevelAgreement sla = SlaSamples.inForce(new SlaId("SLA-1"));
        sla.acceptOrder(MARKETING, "O-1", DDN, ServiceClass.A, table, CALENDAR, at(2026, 3, 2));
        ServiceLevelAgreementSnapshot s = sla.snapshot();
        List<SlaOrder> doubled = new ArrayList<>(s.orders());
        doubled.add(s.orders().get(0));
        assertThatThrownBy(() -> ServiceLevelAgreement.restore(new ServiceLevelAgreementSnapshot(s.id(), s.version(),
                s.department(), s.network(), s.term(), s.zone(), s.changeFrequency(), s.terms(), s.draftedBy(), s.draftedAt(),
                s.state(), s.agreements(), s.signatures(), s.approvedBy(), s.approvedAt(), s.amendments(), doubled,
                s.completions(), s.reservations(), s.documents(), s.endedBy(), s.endedAt(), s.endReason())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("SLA SLA-1").hasMessageContaining("O-1");
        assertThatThrownBy(() -> ServiceLevelAgreement.restore(new ServiceLevelAgreementSnapshot(s.id(), s.version(),
                s.department(), s.network(), s.term(), s.zone(), s.changeFrequency(), s.terms(), s.draftedBy(), s.draftedAt(),
                SlaState.DRAFT, s.agreements(), s.signatures(), s.approvedBy(), s.approvedAt(), s.amendments(), s.orders(),
                s.completions(), s.reservations(), s.documents(), s.endedBy(), s.endedAt(), s.endReason())))
                .isInstanceOf(CorruptStateException.class).hasMessageContaining("state DRAFT");
    }

    private static List<String> types(ServiceLevelAgreement sla) {
        return sla.pendingEvents().stream().map(DomainEvent::type).toList();
    }
}
