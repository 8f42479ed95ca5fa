package dev.keyline.domain.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.WeeklyCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A fault from report to closing on office hours with a lunch break, worked out by hand. */
class FaultTicketTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday to Friday 08:30–12:00 and 13:30–17:30: 7.5 working hours a day. */
    private static final WeeklyCalendar OFFICE = WeeklyCalendar.builder(SHANGHAI)
            .weekdays(LocalTime.of(8, 30), LocalTime.of(12, 0)).weekdays(LocalTime.of(13, 30), LocalTime.of(17, 30))
            .build();
    private static final TicketClockTargets TARGETS = new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8));
    private static final TicketClockPolicy POLICY = TicketClockPolicy.byPriority(Map.of(FaultPriority.CRITICAL,
            TARGETS, FaultPriority.HIGH, TARGETS, FaultPriority.MEDIUM, TARGETS, FaultPriority.LOW, TARGETS));
    private static final Actor CALL_CENTRE = Actor.withRoles(new UserId("li"), Role.ACCOUNT_MANAGER);
    private static final Actor NETWORK = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor STATION = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);

    private static Instant local(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 3, day, hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static FaultTicket reported() {
        return FaultTicket.report(new FaultTicketId("FT-1"), new AccountId("A-BANK"), new ProductCode("DDN"),
                FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(), "DDN line to the branch is down", POLICY,
                CALL_CENTRE, OFFICE, local(2, 9, 0));
    }

    @Test
    void theDeadlinesCountOfficeHoursAndMoveByTheWorkingTimeSpentWaitingForTheCustomer() {
        FaultTicket ticket = reported();
        assertThat(ticket.responseClock().deadline()).isEqualTo(local(2, 10, 0));
        // Monday 09:00-12:00 and 13:30-17:30 is 7 h; the 8th hour ends Tuesday 09:30
        assertThat(ticket.resolutionClock().deadline()).isEqualTo(local(3, 9, 30));

        ticket.diagnose(NETWORK, "transmission fault at the far end", OFFICE, local(2, 10, 30));
        assertThat(ticket.responseClock().state()).isEqualTo(TicketClockState.BREACHED);
        assertThat(ticket.responseClock().breachedAt()).isEqualTo(local(2, 10, 0));

        ticket.awaitCustomer(NETWORK, "customer must open the equipment room", OFFICE, local(2, 14, 0));
        assertThat(ticket.resolutionClock().state()).isEqualTo(TicketClockState.PAUSED);
        ticket.resume(NETWORK, "room open", OFFICE, local(3, 9, 0));
        assertThat(ticket.state()).isEqualTo(FaultTicketState.DIAGNOSED);
        // 3.5 h counted before the pause; 4.5 h left from Tuesday 09:00: 09:00-12:00, 13:30-15:00
        assertThat(ticket.resolutionClock().deadline()).isEqualTo(local(3, 15, 0));
        assertThat(ticket.resolutionClock().pausedTime(local(3, 9, 0), OFFICE)).isEqualTo(Duration.ofHours(4));
        // warning at 80 %: 6 h 24 min, that is 2 h 54 min after Tuesday 09:00
        assertThat(ticket.resolutionClock().warningAt()).isEqualTo(local(3, 11, 54));

        assertThat(ticket.recordDueAlerts(local(3, 11, 53))).isEmpty();
        assertThat(ticket.recordDueAlerts(local(3, 12, 0))).singleElement().isInstanceOfSatisfying(
                FaultClockWarned.class, w -> assertThat(w.occurredAt()).isEqualTo(local(3, 11, 54)));

        ticket.dispatch(NETWORK, new FaultStation("SZ-TRANS-1"), "replace the line card", OFFICE, local(3, 12, 5));
        ticket.startRepair(STATION, "on site", OFFICE, local(3, 13, 40));
        ticket.returnRepaired(NETWORK, new FaultCause("CARD"), "card replaced", OFFICE, local(3, 14, 30));
        assertThat(ticket.resolutionClock().state()).isEqualTo(TicketClockState.MET);
        // stopped before its deadline, the clock keeps the deadline it met (fault-handling
        // timeliness reads it), and recomputing on the same calendar gives it again
        assertThat(ticket.resolutionClock().deadline()).isEqualTo(local(3, 15, 0));
        assertThat(ticket.resolutionClock().recompute(OFFICE)).isEqualTo(ticket.resolutionClock());
        assertThat(ticket.resolutionClock().elapsed(local(9, 0, 0), OFFICE))
                .isEqualTo(Duration.ofHours(7).plusMinutes(30));
        ticket.reply(CALL_CENTRE, "told the customer", OFFICE, local(3, 15, 0));
        ticket.close(CALL_CENTRE, "customer confirmed", OFFICE, local(3, 15, 10));

        assertThat(ticket.state()).isEqualTo(FaultTicketState.CLOSED);
        assertThat(ticket.log()).extracting(FaultTransition::to).containsExactly(FaultTicketState.REPORTED,
                FaultTicketState.DIAGNOSED, FaultTicketState.PENDING_CUSTOMER, FaultTicketState.DIAGNOSED,
                FaultTicketState.DISPATCHED, FaultTicketState.IN_REPAIR, FaultTicketState.RETURNED,
                FaultTicketState.REPLIED, FaultTicketState.CLOSED);
        assertThat(ticket.pendingEvents()).extracting(DomainEvent::type).containsExactly(FaultReported.TYPE,
                FaultTransitioned.TYPE, FaultClockBreached.TYPE, FaultTransitioned.TYPE, FaultTransitioned.TYPE,
                FaultClockWarned.TYPE, FaultTransitioned.TYPE, FaultTransitioned.TYPE, FaultTransitioned.TYPE,
                FaultTransitioned.TYPE, FaultTransitioned.TYPE);

        FaultStatistics march = FaultStatistics.of(Period.month(YearMonth.of(2026, 3)), SHANGHAI, Stream.of(ticket));
        assertThat(march.resolved()).isEqualTo(1);
        assertThat(march.byCause()).containsExactly(Map.entry(new FaultCause("CARD"), 1));
        assertThat(march.byStation()).containsExactly(Map.entry(new FaultStation("SZ-TRANS-1"), 1));
        assertThat(march.responseBreached()).isEqualTo(1);
        assertThat(march.resolutionBreached()).isZero();
        assertThat(FaultStatistics.of(Period.month(YearMonth.of(2026, 4)), SHANGHAI, Stream.of(ticket)).resolved())
                .isZero();
    }

    @Test
    void aHolidayAddedLaterMovesTheDeadlineOnRecomputationButNotABreachAlreadyRecorded() {
        FaultTicket ticket = reported();
        ticket.recordDueAlerts(local(2, 10, 1));
        assertThat(ticket.responseClock().breachedAt()).isEqualTo(local(2, 10, 0));
        WeeklyCalendar withHoliday = OFFICE.toBuilder().holiday(LocalDate.of(2026, 3, 3)).build();

        assertThat(ticket.recomputeDeadlines(OFFICE, local(2, 11, 0))).isFalse();
        assertThat(ticket.recomputeDeadlines(withHoliday, local(2, 11, 0))).isTrue();

        assertThat(ticket.resolutionClock().deadline()).isEqualTo(local(4, 9, 30));
        assertThat(ticket.responseClock().breachedAt()).isEqualTo(local(2, 10, 0));
        assertThat(ticket.pendingEvents()).last().isInstanceOf(FaultDeadlinesRecomputed.class);
    }

    @Test
    void refusedMovesNameTheReasonAndChangeNothing() {
        FaultTicket ticket = reported();
        FaultTicketSnapshot before = ticket.snapshot();

        assertThatThrownBy(() -> ticket.startRepair(STATION, "too early", OFFICE, local(2, 9, 5)))
                .isInstanceOf(FaultTransitionRefusedException.class).hasMessageContaining("REPORTED")
                .hasMessageContaining("IN_REPAIR").hasMessageContaining("DIAGNOSED");
        assertThatThrownBy(() -> ticket.diagnose(STATION, "not mine", OFFICE, local(2, 9, 5)))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("NETWORK_CENTRE_MANAGER");
        assertThatThrownBy(() -> ticket.diagnose(NETWORK, "back in time", OFFICE, local(2, 8, 0)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("at");
        assertThatThrownBy(() -> ticket.resume(NETWORK, "not waiting", OFFICE, local(2, 9, 5)))
                .isInstanceOf(FaultTransitionRefusedException.class);

        assertThat(ticket.snapshot()).isEqualTo(before);
        assertThat(ticket.pendingEvents()).hasSize(1);
    }
}
