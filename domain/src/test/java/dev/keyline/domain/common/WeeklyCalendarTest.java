package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Office hours 08:30–12:00 and 13:30–17:30 on weekdays (7.5 hours a day), National Day week off, one working Saturday. */
    private static final WeeklyCalendar OFFICE = WeeklyCalendar.builder(SHANGHAI)
            .weekdays(LocalTime.of(8, 30), LocalTime.of(12, 0))
            .weekdays(LocalTime.of(13, 30), LocalTime.of(17, 30))
            .holidays(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
                    LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)))
            .override(LocalDate.of(2026, 10, 10), LocalTime.of(8, 30), LocalTime.of(12, 0))
            .build();

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void countsOnlyTheWindowsOfADay() {
        // 2026-03-02 is a Monday: 09:00–12:00 and 13:30–14:00
        assertThat(OFFICE.workingTimeBetween(shanghai("2026-03-02T09:00"), shanghai("2026-03-02T14:00")))
                .isEqualTo(Duration.ofMinutes(210));
        assertThat(OFFICE.workingTimeBetween(shanghai("2026-03-02T00:00"), shanghai("2026-03-03T00:00")))
                .isEqualTo(Duration.ofMinutes(450));
        assertThat(OFFICE.workingTimeBetween(shanghai("2026-03-02T12:00"), shanghai("2026-03-02T13:30")))
                .isEqualTo(Duration.ZERO);
        // a whole week is five days of 7.5 hours
        assertThat(OFFICE.workingTimeBetween(shanghai("2026-03-02T00:00"), shanghai("2026-03-09T00:00")))
                .isEqualTo(Duration.ofMinutes(5 * 450));
        assertThat(OFFICE.workingTimeBetween(shanghai("2026-03-02T14:00"), shanghai("2026-03-02T09:00")))
                .isEqualTo(Duration.ofMinutes(-210));
    }

    @Test
    void addsWorkingTimeAcrossTheLunchBreakAndTheWeekend() {
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-03-02T11:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-03-02T14:30"));
        // Friday 17:00 plus one hour: half an hour on Friday, half an hour on Monday
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-03-06T17:00"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-03-09T09:00"));
        // starting on a Saturday counts from Monday morning
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-03-07T10:00"), Duration.ofMinutes(1)))
                .isEqualTo(shanghai("2026-03-09T08:31"));
        // the amount ends exactly at the end of a window: the result is that end, not the next start
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-03-02T08:30"), Duration.ofMinutes(210)))
                .isEqualTo(shanghai("2026-03-02T12:00"));
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-03-02T12:30"), Duration.ZERO))
                .isEqualTo(shanghai("2026-03-02T12:30"));
    }

    @Test
    void skipsHolidaysAndWorksOnTheOverriddenSaturday() {
        // Wednesday 30 September 17:00: half an hour, then the National Day week, then Thursday 8 October
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-09-30T17:00"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-10-08T09:00"));
        // 30 September and 8 October only
        assertThat(OFFICE.workingTimeBetween(shanghai("2026-09-30T00:00"), shanghai("2026-10-09T00:00")))
                .isEqualTo(Duration.ofMinutes(2 * 450));
        // Friday 9 October 17:00: half an hour, then the working Saturday morning
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-10-09T17:00"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-10-10T09:00"));
        assertThat(OFFICE.plusWorkingTime(shanghai("2026-10-10T11:30"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-10-12T09:00"));
        assertThat(OFFICE.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(OFFICE.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(OFFICE.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(OFFICE.windowsOn(LocalDate.of(2026, 10, 10))).containsExactly(WorkingWindow.parse("08:30-12:00"));
    }

    @Test
    void countsWorkingDays() {
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 10, 8), -1)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 10, 9), 2)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 3, 7), 0)).isEqualTo(LocalDate.of(2026, 3, 7));
        // SLA class A: 2 working days from a Friday order is Tuesday
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 3, 6), 2)).isEqualTo(LocalDate.of(2026, 3, 10));
        // a year of working days: 52 weeks of 5, then take back the holiday week's 5 and add the Saturday
        assertThat(OFFICE.plusWorkingDays(LocalDate.of(2026, 1, 4), 260 - 5 + 1)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void addsMonthsOfWorkingTimeExactly() {
        WeeklyCalendar utcOffice = WeeklyCalendar.builder(ZoneId.of("UTC"))
                .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)).build();
        Instant monday = Instant.parse("2026-01-05T09:00:00Z");
        // ten weeks of 40 hours end on the tenth Friday at 17:00, not on the next Monday
        assertThat(utcOffice.plusWorkingTime(monday, Duration.ofHours(400))).isEqualTo(Instant.parse("2026-03-13T17:00:00Z"));
        assertThat(utcOffice.plusWorkingTime(monday, Duration.ofHours(400).plusMinutes(1)))
                .isEqualTo(Instant.parse("2026-03-16T09:01:00Z"));
        // from a Sunday the ten weeks start on Monday morning and still end on the tenth Friday
        assertThat(utcOffice.plusWorkingTime(Instant.parse("2026-01-04T12:00:00Z"), Duration.ofHours(400)))
                .isEqualTo(Instant.parse("2026-03-13T17:00:00Z"));
        // a hundred years of working time, across leap years
        Duration century = Duration.ofHours(40L * 5218);
        Instant end = utcOffice.plusWorkingTime(monday, century);
        assertThat(utcOffice.workingTimeBetween(monday, end)).isEqualTo(century);
        // the Friday 5217 weeks after Friday 2026-01-09
        assertThat(end).isEqualTo(Instant.parse("2126-01-04T17:00:00Z"));
    }

    @Test
    void countsTheTimeThatElapsesWhenClocksChange() {
        WeeklyCalendar nightShift = WeeklyCalendar.builder(NEW_YORK)
                .window(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(3, 0))
                .build();
        // 2026-03-08: 02:00 does not exist, so 01:00–03:00 is one hour
        Instant march8 = LocalDate.of(2026, 3, 8).atStartOfDay(NEW_YORK).toInstant();
        assertThat(nightShift.workingTimeBetween(march8, march8.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(1));
        // 2026-11-01: 01:00–02:00 happens twice, so 01:00–03:00 is three hours
        Instant november1 = LocalDate.of(2026, 11, 1).atStartOfDay(NEW_YORK).toInstant();
        assertThat(nightShift.workingTimeBetween(november1, november1.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(3));
        // an ordinary Sunday has two
        Instant march15 = LocalDate.of(2026, 3, 15).atStartOfDay(NEW_YORK).toInstant();
        assertThat(nightShift.workingTimeBetween(march15, march15.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(2));
        assertThat(nightShift.plusWorkingTime(march8, Duration.ofMinutes(90)))
                .isEqualTo(LocalDateTime.parse("2026-03-15T01:30").atZone(NEW_YORK).toInstant());
    }

    @Test
    void countsTheLongDayBeforeAChangeAtMidnight() {
        // Santiago turns clocks back from 00:00 on 2026-04-05 to 23:00 on the 4th: the 4th lasts 25 hours
        ZoneId santiago = ZoneId.of("America/Santiago");
        WeeklyCalendar.Builder builder = WeeklyCalendar.builder(santiago);
        for (DayOfWeek day : DayOfWeek.values()) {
            builder.window(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        }
        WeeklyCalendar always = builder.build();
        Instant from = LocalDateTime.parse("2026-03-28T12:00").atZone(santiago).toInstant();
        Instant to = LocalDateTime.parse("2026-04-12T00:00").atZone(santiago).toInstant();
        assertThat(always.workingTimeBetween(from, to)).isEqualTo(Duration.between(from, to))
                .isEqualTo(Duration.ofDays(14).plusHours(13));
        assertThat(always.plusWorkingTime(from, Duration.between(from, to))).isEqualTo(to);
    }

    @Test
    void failsClearlyWhenNoWorkingTimeIsLeft() {
        assertThatThrownBy(() -> WeeklyCalendar.builder(SHANGHAI).build())
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("windows"))
                .hasMessageContaining("no working time");
        WeeklyCalendar oneDay = WeeklyCalendar.builder(SHANGHAI)
                .override(LocalDate.of(2026, 5, 1), LocalTime.of(9, 0), LocalTime.of(10, 0)).build();
        assertThat(oneDay.plusWorkingTime(shanghai("2026-04-01T00:00"), Duration.ofMinutes(30)))
                .isEqualTo(shanghai("2026-05-01T09:30"));
        assertThatThrownBy(() -> oneDay.plusWorkingTime(shanghai("2026-04-01T00:00"), Duration.ofHours(2)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("no working time");
        assertThatThrownBy(() -> oneDay.plusWorkingTime(shanghai("2026-06-01T00:00"), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("no working time");
        assertThat(oneDay.plusWorkingDays(LocalDate.of(2026, 6, 1), -1)).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThatThrownBy(() -> oneDay.plusWorkingDays(LocalDate.of(2026, 6, 1), 1))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("no working day");
        assertThatThrownBy(() -> oneDay.plusWorkingDays(LocalDate.of(2026, 4, 1), -1))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("no working day");
    }

    @Test
    void rejectsResultsBeyondTheSupportedRange() {
        assertArgument(() -> OFFICE.plusWorkingTime(shanghai("2026-01-01T00:00"), Duration.ofDays(365L * 10_000)), "amount");
        assertArgument(() -> OFFICE.plusWorkingDays(LocalDate.of(2026, 1, 1), Integer.MAX_VALUE), "days");
        assertArgument(() -> OFFICE.plusWorkingDays(LocalDate.of(2026, 1, 1), Integer.MIN_VALUE), "days");
        assertArgument(() -> OFFICE.workingTimeBetween(Instant.MIN, Instant.EPOCH), "from");
        assertArgument(() -> OFFICE.workingTimeBetween(Instant.EPOCH, Instant.MAX), "to");
    }

    @Test
    void rejectsOverlappingOrUnorderedWindows() {
        WeeklyCalendar.Builder b = WeeklyCalendar.builder(SHANGHAI).window(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(12, 0));
        assertThatThrownBy(() -> b.window(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("window"))
                .hasMessageContaining("MONDAY").hasMessageContaining("11:00-13:00").hasMessageContaining("08:30-12:00");
        assertThatThrownBy(() -> b.window(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(8, 0)))
                .isInstanceOf(InvalidArgumentException.class);
        // touching is fine; after a window to 24:00 nothing fits
        b.window(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.MIDNIGHT);
        assertThatThrownBy(() -> b.window(DayOfWeek.MONDAY, LocalTime.of(23, 0), LocalTime.of(23, 30)))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> b.override(LocalDate.of(2026, 5, 2), LocalTime.of(10, 0), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("end"));
        b.override(LocalDate.of(2026, 5, 2), LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThatThrownBy(() -> b.override(LocalDate.of(2026, 5, 2), LocalTime.of(9, 30), LocalTime.of(11, 0)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("2026-05-02");
        assertThatThrownBy(() -> b.holiday(LocalDate.of(2026, 5, 2)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("date"));
        b.holiday(LocalDate.of(2026, 5, 1));
        assertThatThrownBy(() -> b.override(LocalDate.of(2026, 5, 1), LocalTime.of(9, 0), LocalTime.of(10, 0)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("date"));
        WeeklyCalendar built = b.build();
        assertThat(built.windows(DayOfWeek.MONDAY)).extracting(WorkingWindow::toString)
                .containsExactly("08:30-12:00", "12:00-24:00");
        assertThat(built.toBuilder().build()).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built.holidays()).containsExactly(LocalDate.of(2026, 5, 1));
        assertThat(built.overrides()).containsOnlyKeys(LocalDate.of(2026, 5, 2));
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
        assertArgument(() -> WeeklyCalendar.builder(null), "zone");
        WeeklyCalendar.Builder b = WeeklyCalendar.builder(SHANGHAI);
        assertArgument(() -> b.window(null, LocalTime.NOON, LocalTime.MIDNIGHT), "day");
        assertArgument(() -> b.window(DayOfWeek.MONDAY, null, LocalTime.MIDNIGHT), "start");
        assertArgument(() -> b.window(DayOfWeek.MONDAY, LocalTime.NOON, null), "end");
        assertArgument(() -> b.window(DayOfWeek.MONDAY, null), "window");
        assertArgument(() -> b.holiday(null), "date");
        assertArgument(() -> b.holidays(null), "dates");
        assertArgument(() -> b.holidays(Arrays.asList(LocalDate.EPOCH, null)), "dates[1]");
        assertArgument(() -> b.override(null, LocalTime.NOON, LocalTime.MIDNIGHT), "date");
        assertArgument(() -> OFFICE.isWorkingDay(null), "date");
        assertArgument(() -> OFFICE.windowsOn(null), "date");
        assertArgument(() -> OFFICE.windows(null), "day");
        assertArgument(() -> OFFICE.workingTimeBetween(null, Instant.EPOCH), "from");
        assertArgument(() -> OFFICE.workingTimeBetween(Instant.EPOCH, null), "to");
        assertArgument(() -> OFFICE.plusWorkingTime(null, Duration.ZERO), "start");
        assertArgument(() -> OFFICE.plusWorkingTime(Instant.EPOCH, null), "amount");
        assertArgument(() -> OFFICE.plusWorkingTime(Instant.EPOCH, Duration.ofSeconds(-1)), "amount");
        assertArgument(() -> OFFICE.plusWorkingDays(null, 1), "start");
        BusinessCalendar all = BusinessCalendar.allDays(SHANGHAI);
        assertArgument(() -> BusinessCalendar.allDays(null), "zone");
        assertArgument(() -> all.isWorkingDay(null), "date");
        assertArgument(() -> all.workingTimeBetween(null, Instant.EPOCH), "from");
        assertArgument(() -> all.workingTimeBetween(Instant.EPOCH, null), "to");
        assertArgument(() -> all.plusWorkingTime(null, Duration.ZERO), "start");
        assertArgument(() -> all.plusWorkingTime(Instant.EPOCH, null), "amount");
        assertArgument(() -> all.plusWorkingTime(Instant.EPOCH, Duration.ofSeconds(-1)), "amount");
        assertArgument(() -> all.plusWorkingTime(Instant.MAX, Duration.ofSeconds(1)), "amount");
        assertArgument(() -> all.plusWorkingDays(null, 1), "start");
        assertArgument(() -> all.plusWorkingDays(LocalDate.MAX, 1), "days");
    }

    private static void assertArgument(Runnable call, String argument) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument));
    }
}
