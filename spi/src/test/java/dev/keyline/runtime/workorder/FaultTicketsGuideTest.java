package dev.keyline.runtime.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.WeeklyCalendar;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultStatistics;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.FaultTransitionRefusedException;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockState;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.Notification;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The code of the fault-ticket guide (the "Fault tickets" part of docs/work-orders.md), run as written there. */
class FaultTicketsGuideTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant local(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 3, day, hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void theGuidesStoryRuns() {
        List<Notification> delivered = new CopyOnWriteArrayList<>();
        TestClock clock = TestClock.at(Instant.parse("2026-03-02T01:00:00Z"));   // Monday 09:00 in Shanghai
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).sink(delivered::add).clock(clock).build();

        // Wiring
        WeeklyCalendar office = WeeklyCalendar.builder(ZoneId.of("Asia/Shanghai"))
                .weekdays(LocalTime.of(8, 30), LocalTime.of(12, 0))
                .weekdays(LocalTime.of(13, 30), LocalTime.of(17, 30))
                .holiday(LocalDate.of(2026, 4, 6))
                .build();
        TicketClockTargets routine = new TicketClockTargets(Duration.ofHours(2), Duration.ofHours(16));
        TicketClockPolicy policy = TicketClockPolicy.byPriority(Map.of(
                        FaultPriority.CRITICAL, new TicketClockTargets(Duration.ofMinutes(30), Duration.ofHours(4)),
                        FaultPriority.HIGH, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)),
                        FaultPriority.MEDIUM, routine,
                        FaultPriority.LOW, routine))
                .withServiceClass(FaultServiceClass.A, new TicketClockTargets(Duration.ofMinutes(15), Duration.ofHours(4)));
        FaultTickets faults = FaultTickets.on(keyline, policy, office);

        // A fault from report to closing
        Actor li = Actor.accountManager(new UserId("li"));                       // call centre
        Actor zhao = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
        Actor wu = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);
        FaultTicketId id = new FaultTicketId("FT-2026-0001");

        FaultTicketSnapshot reported = faults.report(li, id, new AccountId("A-BANK"), new ProductCode("DDN"),
                FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(), "DDN line to the Pingjiang branch is down");
        // respond by Monday 10:00, resolve by Tuesday 09:30 (7 working hours on Monday, 1 on Tuesday)
        assertThat(reported.response().deadline()).isEqualTo(local(2, 10, 0));
        assertThat(reported.resolution().deadline()).isEqualTo(local(3, 9, 30));

        clock.advance(Duration.ofMinutes(50));                                   // 09:50
        faults.recordDueAlerts();                       // the response clock warned at 09:48 (80 % of an hour)
        faults.diagnose(zhao, id, "far-end line card failed");
        clock.advance(Duration.ofMinutes(10));                                   // 10:00
        faults.dispatch(zhao, id, new FaultStation("SZ-TRANS-1"), "replace the line card");
        clock.advance(Duration.ofHours(4));                                      // 14:00
        faults.awaitCustomer(wu, id, "the branch's equipment room is locked");
        clock.set(Instant.parse("2026-03-03T01:00:00Z"));                        // Tuesday 09:00
        FaultTicketSnapshot resumed = faults.resume(wu, id, "room opened");
        // 3.5 h counted before the wait; the 4 working hours waited move the deadline to Tuesday 15:00
        assertThat(resumed.resolution().deadline()).isEqualTo(local(3, 15, 0));
        faults.startRepair(wu, id, "on site");
        clock.advance(Duration.ofHours(2));                                      // 11:00
        faults.returnRepaired(zhao, id, new FaultCause("LINE-CARD"), "card replaced, line tested");
        faults.reply(li, id, "told the branch manager");
        FaultTicketSnapshot closed = faults.close(li, id, "customer confirmed");

        assertThat(closed.state()).isEqualTo(FaultTicketState.CLOSED);
        assertThat(closed.response().state()).isEqualTo(TicketClockState.MET);
        assertThat(closed.resolution().state()).isEqualTo(TicketClockState.MET);
        assertThat(closed.response().warnedAt()).isEqualTo(local(2, 9, 48));
        assertThat(closed.log()).hasSize(9);

        // Refused moves change nothing
        assertThatThrownBy(() -> faults.diagnose(zhao, id, "again")).isInstanceOf(FaultTransitionRefusedException.class);
        assertThatThrownBy(() -> faults.cancel(wu, id, "not mine")).isInstanceOf(NotAuthorisedException.class);

        // Monthly statistics
        FaultStatistics march = faults.statistics(Period.month(YearMonth.of(2026, 3)));
        assertThat(march.resolved()).isEqualTo(1);
        assertThat(march.byProduct()).containsEntry(new ProductCode("DDN"), 1);
        assertThat(march.byStation()).containsEntry(new FaultStation("SZ-TRANS-1"), 1);
        assertThat(march.byCause()).containsEntry(new FaultCause("LINE-CARD"), 1);

        keyline.relay().pumpUntilIdle(20);
        assertThat(delivered).extracting(Notification::type).startsWith("fault-ticket.reported",
                "fault-ticket.clock-warned", "fault-ticket.transitioned");
        assertThat(delivered).hasSize(10);
    }
}
