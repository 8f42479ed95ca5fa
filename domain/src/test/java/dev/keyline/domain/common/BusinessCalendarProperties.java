package dev.keyline.domain.common;

import static dev.keyline.domain.common.KernelGenerators.calendarInstants;
import static dev.keyline.domain.common.KernelGenerators.datesBetween;
import static dev.keyline.domain.common.KernelGenerators.instants;
import static dev.keyline.domain.common.KernelGenerators.weeklyCalendars;
import static dev.keyline.domain.common.KernelGenerators.workingTimes;
import static dev.keyline.domain.common.KernelGenerators.zones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusinessCalendarProperties {

    private static final LocalDate FIRST = LocalDate.of(2023, 6, 1);
    private static final LocalDate LAST = LocalDate.of(2028, 5, 31);

    @Test
    void addingWorkingTimeAndMeasuringItBackAgree() {
        qt().withExamples(500).forAll(weeklyCalendars(), calendarInstants(), workingTimes()).checkAssert((cal, a, d) -> {
            Optional<Instant> reached = plus(cal, a, d);
            if (reached.isEmpty()) {
                return;
            }
            Instant t = reached.get();
            assertThat(t).isAfterOrEqualTo(a);
            assertThat(cal.workingTimeBetween(a, t)).isEqualTo(d);
            if (!d.isZero()) {
                // the earliest such instant: a nanosecond sooner the amount is not yet reached
                assertThat(cal.workingTimeBetween(a, t.minusNanos(1))).isLessThan(d);
            } else {
                assertThat(t).isEqualTo(a);
            }
        });
    }

    @Test
    void plusWorkingTimeIsMonotonicInTheAmount() {
        qt().withExamples(300).forAll(weeklyCalendars(), calendarInstants(), workingTimes(), workingTimes())
                .checkAssert((cal, a, d1, d2) -> {
                    Duration small = d1.compareTo(d2) <= 0 ? d1 : d2;
                    Duration large = d1.compareTo(d2) <= 0 ? d2 : d1;
                    Optional<Instant> soon = plus(cal, a, small);
                    Optional<Instant> late = plus(cal, a, large);
                    if (late.isEmpty()) {
                        return;
                    }
                    assertThat(soon).isPresent();
                    assertThat(soon.get()).isBeforeOrEqualTo(late.get());
                    // adding in two steps is the same as adding at once
                    assertThat(cal.plusWorkingTime(soon.get(), large.minus(small))).isEqualTo(late.get());
                });
    }

    @Test
    void plusWorkingTimeIsMonotonicInTheStart() {
        qt().withExamples(300).forAll(weeklyCalendars(), calendarInstants(), calendarInstants(), workingTimes())
                .checkAssert((cal, a1, a2, d) -> {
                    Instant early = a1.isBefore(a2) ? a1 : a2;
                    Instant late = a1.isBefore(a2) ? a2 : a1;
                    Optional<Instant> fromLate = plus(cal, late, d);
                    if (fromLate.isEmpty()) {
                        return;
                    }
                    assertThat(plus(cal, early, d)).hasValueSatisfying(t -> assertThat(t).isBeforeOrEqualTo(fromLate.get()));
                });
    }

    /**
     * Adds working time; when the calendar runs out of working time, checks that it really has:
     * no weekly windows and less than {@code d} of working time from {@code a} to the end of its
     * last override.
     */
    private static Optional<Instant> plus(WeeklyCalendar cal, Instant a, Duration d) {
        try {
            return Optional.of(cal.plusWorkingTime(a, d));
        } catch (InvalidStateException ranOut) {
            assertThat(DayOfWeekCheck.hasNoWeeklyWindows(cal)).as("only override-only calendars run out").isTrue();
            Instant endOfLastOverride = cal.overrides().lastKey().plusDays(1).atStartOfDay(cal.zone()).toInstant();
            assertThat(cal.workingTimeBetween(a, later(a, endOfLastOverride))).isLessThan(d);
            assertThat(ranOut).hasMessageContaining("no working time");
            return Optional.empty();
        }
    }

    @Test
    void workingTimeIsAdditiveAndAntisymmetric() {
        qt().withExamples(300).forAll(weeklyCalendars(), calendarInstants(), calendarInstants(), calendarInstants())
                .checkAssert((cal, x, y, z) -> {
                    Duration xy = cal.workingTimeBetween(x, y);
                    assertThat(cal.workingTimeBetween(y, x)).isEqualTo(xy.negated());
                    assertThat(xy.plus(cal.workingTimeBetween(y, z))).isEqualTo(cal.workingTimeBetween(x, z));
                    assertThat(xy.abs()).isLessThanOrEqualTo(Duration.between(x, y).abs());
                });
    }

    @Test
    void skippingWholeWeeksGivesTheSameAsSummingDayByDay() {
        qt().withExamples(100).forAll(weeklyCalendars(), calendarInstants(), calendarInstants()).checkAssert((cal, x, y) -> {
            Instant from = x.isBefore(y) ? x : y;
            Instant to = x.isBefore(y) ? y : x;
            ZoneId zone = cal.zone();
            Duration daily = Duration.ZERO;
            for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(LocalDate.ofInstant(to, zone)); d = d.plusDays(1)) {
                Instant dayStart = later(d.atStartOfDay(zone).toInstant(), from);
                Instant dayEnd = earlier(d.plusDays(1).atStartOfDay(zone).toInstant(), to);
                if (dayStart.isBefore(dayEnd)) {
                    daily = daily.plus(cal.workingTimeBetween(dayStart, dayEnd));
                }
            }
            assertThat(cal.workingTimeBetween(from, to)).isEqualTo(daily);
        });
    }

    @Test
    void aDaysWorkingTimeIsItsWindowsWhenClocksDoNotChange() {
        qt().forAll(weeklyCalendars(), datesBetween(FIRST, LAST)).checkAssert((cal, date) -> {
            ZoneId zone = cal.zone();
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            boolean steady = zone.getRules().nextTransition(start.minusSeconds(1)) == null
                    || !zone.getRules().nextTransition(start.minusSeconds(1)).getInstant().isBefore(end.plusSeconds(1));
            Duration expected = cal.windowsOn(date).stream().map(WorkingWindow::length).reduce(Duration.ZERO, Duration::plus);
            if (steady) {
                assertThat(cal.workingTimeBetween(start, end)).isEqualTo(expected);
            }
            assertThat(cal.isWorkingDay(date)).isEqualTo(!cal.windowsOn(date).isEmpty());
        });
    }

    @Test
    void holidaysContributeNoWorkingTime() {
        qt().withExamples(200).forAll(weeklyCalendars()).checkAssert(cal -> {
            for (LocalDate h : cal.holidays()) {
                ZoneId zone = cal.zone();
                assertThat(cal.isWorkingDay(h)).isFalse();
                assertThat(cal.workingTimeBetween(h.atStartOfDay(zone).toInstant(), h.plusDays(1).atStartOfDay(zone).toInstant()))
                        .isEqualTo(Duration.ZERO);
            }
        });
    }

    @Test
    void declaringAHolidayRemovesExactlyThatDaysWorkingTime() {
        qt().withExamples(300).forAll(weeklyCalendars(), datesBetween(FIRST, LAST), calendarInstants(), calendarInstants())
                .assuming((cal, h, x, y) -> !cal.overrides().containsKey(h) && !cal.holidays().contains(h))
                .checkAssert((cal, h, x, y) -> {
                    WeeklyCalendar withHoliday;
                    try {
                        withHoliday = cal.toBuilder().holiday(h).build();
                    } catch (InvalidArgumentException noWorkingTimeLeft) {
                        return;
                    }
                    Instant from = x.isBefore(y) ? x : y;
                    Instant to = x.isBefore(y) ? y : x;
                    ZoneId zone = cal.zone();
                    Instant hStart = later(h.atStartOfDay(zone).toInstant(), from);
                    Instant hEnd = earlier(h.plusDays(1).atStartOfDay(zone).toInstant(), to);
                    Duration onHoliday = hStart.isBefore(hEnd) ? cal.workingTimeBetween(hStart, hEnd) : Duration.ZERO;
                    assertThat(cal.workingTimeBetween(from, to).minus(withHoliday.workingTimeBetween(from, to)))
                            .isEqualTo(onHoliday);
                    assertThat(withHoliday.isWorkingDay(h)).isFalse();
                });
    }

    @Test
    void plusWorkingDaysCountsWorkingDaysOneByOne() {
        qt().forAll(weeklyCalendars(), datesBetween(FIRST, LAST), integers().between(-400, 400)).checkAssert((cal, start, days) -> {
            LocalDate result;
            try {
                result = cal.plusWorkingDays(start, days);
            } catch (InvalidStateException tooFewWorkingDays) {
                // only a calendar whose working days are all overrides can run out of them
                assertThat(DayOfWeekCheck.hasNoWeeklyWindows(cal)).isTrue();
                return;
            }
            int step = days >= 0 ? 1 : -1;
            LocalDate expected = start;
            for (int left = Math.abs(days); left > 0; ) {
                expected = expected.plusDays(step);
                if (cal.isWorkingDay(expected)) {
                    left--;
                }
            }
            assertThat(result).isEqualTo(expected);
        });
    }

    @Test
    void allDaysWorkingTimeIsElapsedTime() {
        qt().forAll(zones(), instants(), instants(), workingTimes()).checkAssert((zone, a, b, d) -> {
            BusinessCalendar all = BusinessCalendar.allDays(zone);
            assertThat(all.zone()).isEqualTo(zone);
            assertThat(all.workingTimeBetween(a, b)).isEqualTo(Duration.between(a, b));
            assertThat(all.plusWorkingTime(a, d)).isEqualTo(a.plus(d));
            LocalDate date = LocalDate.ofInstant(a, zone);
            assertThat(all.isWorkingDay(date)).isTrue();
            assertThat(all.plusWorkingDays(date, (int) d.toHours() - 1500)).isEqualTo(date.plusDays(d.toHours() - 1500));
        });
    }

    @Test
    void aCalendarWorkingRoundTheClockEqualsAllDays() {
        qt().withExamples(300).forAll(zones(), calendarInstants(), calendarInstants(), workingTimes()).checkAssert((zone, a, b, d) -> {
            WeeklyCalendar.Builder builder = WeeklyCalendar.builder(zone);
            for (DayOfWeek day : DayOfWeek.values()) {
                builder.window(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
            }
            WeeklyCalendar always = builder.build();
            BusinessCalendar all = BusinessCalendar.allDays(zone);
            assertThat(always.workingTimeBetween(a, b)).isEqualTo(all.workingTimeBetween(a, b));
            assertThat(always.plusWorkingTime(a, d)).isEqualTo(all.plusWorkingTime(a, d));
            LocalDate date = LocalDate.ofInstant(a, zone);
            int days = (int) (d.toHours() % 700) - 350;
            assertThat(always.plusWorkingDays(date, days)).isEqualTo(all.plusWorkingDays(date, days));
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class DayOfWeekCheck {
        static boolean hasNoWeeklyWindows(WeeklyCalendar cal) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (!cal.windows(d).isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }
}
