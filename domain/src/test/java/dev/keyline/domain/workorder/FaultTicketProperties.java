package dev.keyline.domain.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KernelGenerators;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random command sequences on {@link FaultTicket} over random business calendars. After every step:
 * replaying the log gives the state; the snapshot restores to itself; each clock's elapsed working
 * time equals an oracle computed from the ticket's log (working time from the start to the stop or
 * now, minus the working time spent waiting for the customer); recomputing the deadlines on the
 * calendar in force gives exactly the stored ones; a recorded breach stays recorded. Every refused
 * command leaves the snapshot and the pending events as they were.
 */
public class FaultTicketProperties {

    private static final FaultTicketId ID = new FaultTicketId("FT-1");
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final List<Role> ROLES = List.of(Role.ACCOUNT_MANAGER, Role.TECHNICAL_MANAGER,
            Role.NETWORK_CENTRE_MANAGER, Role.STATION_MANAGER, Role.STATION_EXECUTOR, Role.FINANCIAL_MANAGER,
            Role.GENERAL_MANAGER);

    /**
     * One random command: what, by which role, how many minutes after the previous one, and a
     * variant (the station or cause, or a time before the previous command).
     *
     * @param command which command, 0 to 11
     * @param role which role acts
     * @param minutes minutes after the previous command
     * @param variant 0 to 2
     */
    public record Step(int command, int role, int minutes, int variant) {
    }

    /**
     * Random commands.
     *
     * @return the generator
     */
    public static Gen<Step> steps() {
        return integers().between(0, 11).zip(integers().between(0, ROLES.size() - 1), integers().between(0, 3_000),
                integers().between(0, 2), Step::new);
    }

    /**
     * All-day calendars and random office-hour calendars with a weekly pattern.
     *
     * @return the generator
     */
    public static Gen<BusinessCalendar> calendars() {
        // calendars with a weekly pattern: one with working time only on a few dated overrides runs
        // out of working time, which the clock refuses clearly but only after searching to the year 9999
        Gen<BusinessCalendar> weekly = KernelGenerators.weeklyCalendars()
                .assuming(c -> java.util.Arrays.stream(java.time.DayOfWeek.values()).anyMatch(d -> !c.windows(d).isEmpty()))
                .map(c -> (BusinessCalendar) c);
        Gen<BusinessCalendar> allDays = Generate.constant(BusinessCalendar.allDays(ZoneId.of("Asia/Shanghai")));
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(1, allDays),
                org.quicktheories.api.Pair.of(4, weekly)));
    }

    /**
     * Random targets, the same for every priority, and a random warning share.
     *
     * @return the generator
     */
    public static Gen<TicketClockPolicy> policies() {
        return integers().between(1, 8 * 60).zip(integers().between(0, 5 * 24 * 60), integers().between(1, 100),
                (responseMinutes, extraMinutes, sharePercent) -> {
                    TicketClockTargets targets = new TicketClockTargets(Duration.ofMinutes(responseMinutes),
                            Duration.ofMinutes(responseMinutes + (long) extraMinutes));
                    Map<FaultPriority, TicketClockTargets> table = Map.of(FaultPriority.CRITICAL, targets,
                            FaultPriority.HIGH, targets, FaultPriority.MEDIUM, targets, FaultPriority.LOW, targets);
                    return TicketClockPolicy.byPriority(table)
                            .withWarningShare(java.math.BigDecimal.valueOf(sharePercent, 2));
                });
    }

    @Test
    void randomTransitionSequencesKeepEveryInvariant() {
        qt().withExamples(300).forAll(calendars(), calendars(), policies(), lists().of(steps()).ofSizeBetween(0, 30))
                .checkAssert(FaultTicketProperties::runAndCheck);
    }

    @Test
    void pausedTimeIsNeverCountedAgainstTheTarget() {
        qt().withExamples(300).forAll(calendars(), integers().between(1, 5_000), integers().between(0, 5_000),
                integers().between(0, 5_000)).checkAssert((calendar, before, paused, after) -> {
                    Optional<FaultTicket> reported = report(calendar, policyOf(Duration.ofDays(30)), T0);
                    if (reported.isEmpty()) {
                        return;
                    }
                    FaultTicket ticket = reported.get();
                    Actor nc = actor(Role.NETWORK_CENTRE_MANAGER);
                    Instant pausedAt = T0.plus(Duration.ofMinutes(before));
                    Instant resumedAt = pausedAt.plus(Duration.ofMinutes(paused));
                    Instant now = resumedAt.plus(Duration.ofMinutes(after));
                    try {
                        ticket.awaitCustomer(nc, "waiting for site access", calendar, pausedAt);
                        ticket.resume(nc, "site open", calendar, resumedAt);
                    } catch (InvalidStateException noWorkingTimeLeft) {
                        return;
                    }
                    TicketClock clock = ticket.resolutionClock();
                    Duration expected = calendar.workingTimeBetween(T0, now)
                            .minus(calendar.workingTimeBetween(pausedAt, resumedAt));
                    assertThat(clock.elapsed(now, calendar)).isEqualTo(expected);
                    assertThat(clock.pausedTime(now, calendar)).isEqualTo(calendar.workingTimeBetween(pausedAt, resumedAt));
                    // the deadline moved by exactly the working time spent paused
                    Instant unpausedDeadline = calendar.plusWorkingTime(T0, clock.target());
                    assertThat(calendar.workingTimeBetween(unpausedDeadline, clock.deadline()))
                            .isEqualTo(calendar.workingTimeBetween(pausedAt, resumedAt)
                                    .minus(workingAfter(calendar, unpausedDeadline, pausedAt, resumedAt)));
                    assertThat(clock.elapsed(clock.deadline(), calendar)).isEqualTo(clock.target());
                });
    }

    /**
     * The part of the pause that lies after the deadline the clock would have had without it: that
     * part does not move the deadline, since the target was already used up before it.
     */
    private static Duration workingAfter(BusinessCalendar calendar, Instant unpausedDeadline, Instant from, Instant to) {
        Instant start = from.isAfter(unpausedDeadline) ? from : unpausedDeadline;
        return start.isBefore(to) ? calendar.workingTimeBetween(start, to) : Duration.ZERO;
    }

    @Test
    void aRecomputationOnAnotherCalendarMovesTheDeadlinesAndBackAgainRestoresThem() {
        qt().withExamples(200).forAll(calendars(), calendars(), policies(), lists().of(steps()).ofSizeBetween(0, 15))
                .checkAssert((calendar, other, policy, steps) -> {
                    List<Step> sameCalendar = steps.stream().filter(step -> step.command() != 11).toList();
                    Optional<FaultTicket> run = run(calendar, other, policy, sameCalendar, false);
                    run.ifPresent(ticket -> {
                        FaultTicketSnapshot before = ticket.snapshot();
                        try {
                            ticket.recomputeDeadlines(other, T0);
                            ticket.recomputeDeadlines(calendar, T0);
                        } catch (InvalidStateException noWorkingTimeLeft) {
                            return;
                        }
                        FaultTicketSnapshot after = ticket.snapshot();
                        assertThat(after.response().deadline()).isEqualTo(before.response().deadline());
                        assertThat(after.resolution().deadline()).isEqualTo(before.resolution().deadline());
                        assertThat(after.response().breachedAt()).isEqualTo(before.response().breachedAt());
                        assertThat(after.resolution().breachedAt()).isEqualTo(before.resolution().breachedAt());
                    });
                });
    }

    static void runAndCheck(BusinessCalendar calendar, BusinessCalendar other, TicketClockPolicy policy,
            List<Step> steps) {
        run(calendar, other, policy, steps, true);
    }

    /**
     * Reports a ticket on a calendar and runs random steps on it; refused steps are skipped.
     *
     * @param id the ticket's id
     * @param first the calendar the ticket is reported on
     * @param other the calendar a recomputation switches to
     * @param policy the clock targets
     * @param steps the steps
     * @return the ticket, or empty when the calendar could not start its clocks
     */
    public static Optional<FaultTicket> run(FaultTicketId id, BusinessCalendar first, BusinessCalendar other,
            TicketClockPolicy policy, List<Step> steps) {
        return run(id, first, other, policy, steps, false);
    }

    static Optional<FaultTicket> run(BusinessCalendar first, BusinessCalendar other, TicketClockPolicy policy,
            List<Step> steps, boolean check) {
        return run(ID, first, other, policy, steps, check);
    }

    /** Runs the steps; checks the invariants after each when asked; empty when the report itself failed. */
    private static Optional<FaultTicket> run(FaultTicketId id, BusinessCalendar first, BusinessCalendar other,
            TicketClockPolicy policy, List<Step> steps, boolean check) {
        Optional<FaultTicket> reported = report(id, first, policy, T0);
        if (reported.isEmpty()) {
            return Optional.empty();
        }
        FaultTicket ticket = reported.get();
        BusinessCalendar calendar = first;
        Instant now = T0;
        if (check) {
            checkInvariants(ticket, calendar, now, null, null);
        }
        for (Step step : steps) {
            now = now.plus(Duration.ofMinutes(step.minutes()));
            Actor actor = actor(ROLES.get(step.role()));
            Instant at = step.variant() == 2 && step.minutes() > 0 ? now.minusSeconds(step.minutes() * 120L) : now;
            FaultTicketSnapshot before = ticket.snapshot();
            List<DomainEvent> eventsBefore = ticket.pendingEvents();
            Instant responseBreach = ticket.responseClock().breachedAt();
            Instant resolutionBreach = ticket.resolutionClock().breachedAt();
            BusinessCalendar used = step.command() == 11 ? (calendar == first ? other : first) : calendar;
            try {
                apply(ticket, step, actor, used, at);
                if (step.command() == 11) {
                    calendar = used;
                }
            } catch (KeylineException refused) {
                assertThat(ticket.snapshot()).as("refused %s", refused.getMessage()).isEqualTo(before);
                assertThat(ticket.pendingEvents()).isEqualTo(eventsBefore);
            }
            if (check) {
                checkInvariants(ticket, calendar, now, responseBreach, resolutionBreach);
            }
        }
        return Optional.of(ticket);
    }

    private static void apply(FaultTicket ticket, Step step, Actor actor, BusinessCalendar calendar, Instant at) {
        String note = "step " + step.command();
        switch (step.command()) {
            case 0 -> ticket.diagnose(actor, note, calendar, at);
            case 1 -> ticket.dispatch(actor, new FaultStation("ST-" + step.variant()), note, calendar, at);
            case 2 -> ticket.startRepair(actor, note, calendar, at);
            case 3 -> ticket.returnRepaired(actor, new FaultCause("CAUSE-" + step.variant()), note, calendar, at);
            case 4 -> ticket.reply(actor, note, calendar, at);
            case 5 -> ticket.close(actor, note, calendar, at);
            case 6, 7 -> ticket.awaitCustomer(actor, note, calendar, at);
            case 8 -> ticket.resume(actor, note, calendar, at);
            case 9 -> ticket.cancel(actor, note, calendar, at);
            case 10 -> ticket.recordDueAlerts(at);
            case 11 -> ticket.recomputeDeadlines(calendar, at);
            default -> throw new IllegalArgumentException("no command " + step.command());
        }
    }

    private static void checkInvariants(FaultTicket ticket, BusinessCalendar calendar, Instant now,
            Instant responseBreachBefore, Instant resolutionBreachBefore) {
        FaultTicketSnapshot snapshot = ticket.snapshot();
        assertThat(FaultTicket.stateAfter(ticket.log())).isEqualTo(ticket.state());
        assertThat(lastStation(ticket.log())).isEqualTo(ticket.station().orElse(null));
        FaultTicket restored = FaultTicket.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.pendingEvents()).isEmpty();
        for (TicketClockKind kind : TicketClockKind.values()) {
            TicketClock clock = ticket.clock(kind);
            assertThat(clock.recompute(calendar)).as("recomputed %s clock", kind).isEqualTo(clock);
            Instant probe = now.plus(Duration.ofHours(3));
            assertThat(clock.elapsed(probe, calendar)).as("elapsed on the %s clock", kind)
                    .isEqualTo(oracleElapsed(kind, ticket.log(), probe, calendar));
            if (clock.state() == TicketClockState.RUNNING) {
                Instant since = clock.lastTransitionAt().orElseThrow();
                if (!clock.deadline().isBefore(since)) {
                    assertThat(clock.elapsed(clock.deadline(), calendar)).isEqualTo(clock.target());
                }
            }
        }
        if (responseBreachBefore != null) {
            assertThat(ticket.responseClock().breachedAt()).isEqualTo(responseBreachBefore);
        }
        if (resolutionBreachBefore != null) {
            assertThat(ticket.resolutionClock().breachedAt()).isEqualTo(resolutionBreachBefore);
        }
    }

    /**
     * The working time a clock has counted up to {@code at}, from the ticket's log alone: the working
     * time from the report to the clock's goal (diagnosis or return), the cancellation or {@code at},
     * minus the working time of every wait for the customer within that span.
     */
    static Duration oracleElapsed(TicketClockKind kind, List<FaultTransition> log, Instant at,
            BusinessCalendar calendar) {
        Instant start = log.get(0).at();
        FaultTicketState goal = kind == TicketClockKind.RESPONSE ? FaultTicketState.DIAGNOSED : FaultTicketState.RETURNED;
        Instant end = at;
        List<Instant[]> pauses = new ArrayList<>();
        Instant pausedSince = null;
        for (FaultTransition t : log.subList(1, log.size())) {
            if (t.to() == goal || t.to() == FaultTicketState.CANCELLED) {
                if (pausedSince != null) {
                    pauses.add(new Instant[] {pausedSince, t.at()});
                    pausedSince = null;
                }
                end = t.at();
                break;
            }
            if (t.to() == FaultTicketState.PENDING_CUSTOMER) {
                pausedSince = t.at();
            } else if (t.from() == FaultTicketState.PENDING_CUSTOMER) {
                pauses.add(new Instant[] {pausedSince, t.at()});
                pausedSince = null;
            }
        }
        if (pausedSince != null) {
            pauses.add(new Instant[] {pausedSince, end});
        }
        end = end.isAfter(at) ? at : end;
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        Duration total = calendar.workingTimeBetween(start, end);
        for (Instant[] pause : pauses) {
            Instant e = pause[1].isAfter(end) ? end : pause[1];
            if (pause[0].isBefore(e)) {
                total = total.minus(calendar.workingTimeBetween(pause[0], e));
            }
        }
        return total;
    }

    private static FaultStation lastStation(List<FaultTransition> log) {
        FaultStation station = null;
        for (FaultTransition t : log) {
            if (t.station() != null) {
                station = t.station();
            }
        }
        return station;
    }

    @Test
    void corruptSnapshotsAreRefused() {
        qt().withExamples(150).forAll(calendars(), calendars(), policies(), lists().of(steps()).ofSizeBetween(0, 20))
                .checkAssert((calendar, other, policy, steps) -> run(calendar, other, policy, steps, false)
                        .ifPresent(ticket -> {
                            FaultTicketSnapshot s = ticket.snapshot();
                            FaultTicketState wrong = FaultTicketState.values()[(s.state().ordinal() + 1)
                                    % FaultTicketState.values().length];
                            assertThatThrownBy(() -> FaultTicket.restore(withState(s, wrong)))
                                    .isInstanceOf(CorruptStateException.class).hasMessageContaining("fault ticket");
                            assertThatThrownBy(() -> FaultTicket.restore(withClocks(s, s.resolution(), s.response())))
                                    .isInstanceOf(CorruptStateException.class).hasMessageContaining("fault ticket");
                            TicketClock extra = new TicketClock(s.response().kind(), s.response().target(),
                                    s.response().warningShare(), List.of(), null, null, null, null);
                            assertThatThrownBy(() -> FaultTicket.restore(withClocks(s, extra, s.resolution())))
                                    .isInstanceOf(CorruptStateException.class).hasMessageContaining("RESPONSE");
                        }));
    }

    private static FaultTicketSnapshot withState(FaultTicketSnapshot s, FaultTicketState state) {
        return new FaultTicketSnapshot(s.id(), s.version(), s.account(), s.product(), s.source(), s.priority(),
                s.serviceClass(), state, s.station(), s.cause(), s.log(), s.response(), s.resolution());
    }

    private static FaultTicketSnapshot withClocks(FaultTicketSnapshot s, TicketClock response, TicketClock resolution) {
        return new FaultTicketSnapshot(s.id(), s.version(), s.account(), s.product(), s.source(), s.priority(),
                s.serviceClass(), s.state(), s.station(), s.cause(), s.log(), response, resolution);
    }

    static Optional<FaultTicket> report(BusinessCalendar calendar, TicketClockPolicy policy, Instant at) {
        return report(ID, calendar, policy, at);
    }

    static Optional<FaultTicket> report(FaultTicketId id, BusinessCalendar calendar, TicketClockPolicy policy,
            Instant at) {
        try {
            return Optional.of(FaultTicket.report(id, new AccountId("A-BANK"), new ProductCode("DDN"),
                    FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(), "line down", policy,
                    actor(Role.ACCOUNT_MANAGER), calendar, at));
        } catch (InvalidStateException noWorkingTimeLeft) {
            return Optional.empty();
        }
    }

    static TicketClockPolicy policyOf(Duration resolution) {
        TicketClockTargets targets = new TicketClockTargets(Duration.ofHours(1), resolution);
        return TicketClockPolicy.byPriority(Map.of(FaultPriority.CRITICAL, targets, FaultPriority.HIGH, targets,
                FaultPriority.MEDIUM, targets, FaultPriority.LOW, targets));
    }

    static Actor actor(Role role) {
        return Actor.withRoles(new UserId(role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')), role);
    }
}
