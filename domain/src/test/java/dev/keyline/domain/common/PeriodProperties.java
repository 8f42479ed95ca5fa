package dev.keyline.domain.common;

import static dev.keyline.domain.common.KernelGenerators.dates;
import static dev.keyline.domain.common.KernelGenerators.instants;
import static dev.keyline.domain.common.KernelGenerators.periods;
import static dev.keyline.domain.common.KernelGenerators.zones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.common.Period.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class PeriodProperties {

    @Test
    void aDateLiesInExactlyOnePeriodOfEachGranularity() {
        qt().forAll(dates(), Generate.enumValues(Granularity.class)).checkAssert((date, g) -> {
            Period p = Period.containing(date, g);
            assertThat(p.granularity()).isEqualTo(g);
            assertThat(p.contains(date)).isTrue();
            assertThat(p.previous().contains(date)).isFalse();
            assertThat(p.next().contains(date)).isFalse();
            // every other period that contains the date would have to overlap p; neighbours don't
            assertThat(Period.containing(p.start(), g)).isEqualTo(p);
            assertThat(Period.containing(p.endExclusive().minusDays(1), g)).isEqualTo(p);
        });
    }

    @Test
    void monthsTileQuartersAndQuartersTileYears() {
        qt().forAll(dates()).checkAssert(date -> {
            Period month = Period.containing(date, Granularity.MONTH);
            Period quarter = Period.containing(date, Granularity.QUARTER);
            Period year = Period.containing(date, Granularity.YEAR);
            assertThat(quarter.encloses(month)).isTrue();
            assertThat(year.encloses(quarter)).isTrue();
            assertThat(month.encloses(quarter)).isFalse();
            assertThat(quarter.months()).contains(YearMonth.from(date));
            assertThat(year.months()).containsAll(quarter.months());
        });
    }

    @Test
    void startIsBeforeEndAndNextStartsWhereThisEnds() {
        qt().forAll(periods()).checkAssert(p -> {
            assertThat(p.start()).isBefore(p.endExclusive());
            assertThat(p.next().start()).isEqualTo(p.endExclusive());
            assertThat(p.next().previous()).isEqualTo(p);
            assertThat(p.previous().endExclusive()).isEqualTo(p.start());
            assertThat(p.next()).isGreaterThan(p);
            assertThat(p.start().getDayOfMonth()).isEqualTo(1);
        });
    }

    @Test
    void aPeriodIsExactlyItsMonths() {
        qt().forAll(periods()).checkAssert(p -> {
            List<YearMonth> months = p.months();
            assertThat(months).hasSize(p.granularity().monthCount());
            assertThat(months.get(0)).isEqualTo(p.firstMonth());
            assertThat(months.get(months.size() - 1)).isEqualTo(p.lastMonth());
            assertThat(months.get(months.size() - 1).plusMonths(1).atDay(1)).isEqualTo(p.endExclusive());
            for (int i = 1; i < months.size(); i++) {
                assertThat(months.get(i)).isEqualTo(months.get(i - 1).plusMonths(1));
            }
            for (YearMonth m : months) {
                assertThat(p.encloses(Period.month(m))).isTrue();
            }
            long days = months.stream().mapToLong(YearMonth::lengthOfMonth).sum();
            assertThat(p.start().plusDays(days)).isEqualTo(p.endExclusive());
        });
    }

    @Test
    void aQuarterIsExactlyItsThreeMonths() {
        qt().forAll(integers().between(1, 9999), integers().between(1, 4)).checkAssert((year, q) -> {
            Period quarter = Period.quarter(year, q);
            List<YearMonth> expected = new ArrayList<>();
            for (int m = (q - 1) * 3 + 1; m <= q * 3; m++) {
                expected.add(YearMonth.of(year, m));
            }
            assertThat(quarter.months()).isEqualTo(expected);
            assertThat(quarter.start()).isEqualTo(Period.month(expected.get(0)).start());
            assertThat(quarter.endExclusive()).isEqualTo(Period.month(expected.get(2)).endExclusive());
        });
    }

    @Test
    void parseReadsWhatToStringWrites() {
        qt().forAll(periods()).checkAssert(p -> assertThat(Period.parse(p.toString())).isEqualTo(p));
    }

    @Test
    void orderIsByStartThenLengthAndConsistentWithEquals() {
        qt().forAll(periods(), periods()).checkAssert((a, b) -> {
            int c = a.compareTo(b);
            assertThat(Integer.signum(c)).isEqualTo(-Integer.signum(b.compareTo(a)));
            assertThat(c == 0).isEqualTo(a.equals(b));
            if (!a.start().equals(b.start())) {
                assertThat(Integer.signum(c)).isEqualTo(Integer.signum(a.start().compareTo(b.start())));
            } else {
                assertThat(Integer.signum(c)).isEqualTo(Integer.signum(a.endExclusive().compareTo(b.endExclusive())));
            }
        });
    }

    @Test
    void instantBoundariesAreTheStartOfTheLocalDayInTheZone() {
        qt().forAll(periods(), zones()).checkAssert((p, zone) -> {
            Instant start = p.startAt(zone);
            Instant end = p.endAt(zone);
            assertThat(start).isBefore(end);
            // the first instant whose local date is the period's first day: local midnight where it exists
            assertThat(LocalDate.ofInstant(start, zone)).isEqualTo(p.start());
            assertThat(LocalDate.ofInstant(start.minusNanos(1), zone)).isBefore(p.start());
            assertThat(LocalDate.ofInstant(end, zone)).isEqualTo(p.endExclusive());
            assertThat(LocalDate.ofInstant(end.minusNanos(1), zone)).isBefore(p.endExclusive());
            assertThat(p.next().startAt(zone)).isEqualTo(end);
            if (zone.getRules().isValidOffset(p.start().atStartOfDay(), zone.getRules().getOffset(start))) {
                assertThat(start.atZone(zone).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
            }
        });
    }

    @Test
    void anInstantIsInThePeriodExactlyWhenItLiesBetweenTheBoundaries() {
        qt().forAll(instants(), zones(), Generate.enumValues(Granularity.class)).checkAssert((instant, zone, g) -> {
            Period p = Period.containing(LocalDate.ofInstant(instant, zone), g);
            assertThat(p.contains(instant, zone)).isTrue();
            assertThat(instant).isBetween(p.startAt(zone), p.endAt(zone).minusNanos(1));
            assertThat(p.next().contains(instant, zone)).isFalse();
            assertThat(p.previous().contains(instant, zone)).isFalse();
        });
    }

    @Test
    void boundariesInDaylightSavingZonesAreLocalMidnightOrTheEndOfAGapAtMidnight() {
        for (String id : List.of("America/New_York", "Asia/Shanghai", "Europe/London", "Australia/Sydney", "Africa/Cairo")) {
            ZoneId zone = ZoneId.of(id);
            qt().forAll(periods()).checkAssert(p -> {
                assertThat(p.startAt(zone).atZone(zone).toLocalDateTime()).isEqualTo(firstLocalTimeOf(p.start(), zone));
                assertThat(p.endAt(zone).atZone(zone).toLocalDateTime()).isEqualTo(firstLocalTimeOf(p.endExclusive(), zone));
            });
        }
    }

    /** Local midnight, or where clocks skip it, the local time they skip to. */
    private static LocalDateTime firstLocalTimeOf(LocalDate date, ZoneId zone) {
        LocalDateTime midnight = date.atStartOfDay();
        if (!zone.getRules().getValidOffsets(midnight).isEmpty()) {
            return midnight;
        }
        return zone.getRules().getTransition(midnight).getDateTimeAfter();
    }
}
