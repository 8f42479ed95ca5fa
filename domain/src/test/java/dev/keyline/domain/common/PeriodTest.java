package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Period.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void buildsAndWritesEachGranularity() {
        Period march = Period.month(YearMonth.of(2026, 3));
        assertThat(march).hasToString("2026-03");
        assertThat(march.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.endExclusive()).isEqualTo(LocalDate.of(2026, 4, 1));
        Period q1 = Period.quarter(2026, 1);
        assertThat(q1).hasToString("2026-Q1");
        assertThat(q1.months()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        Period q4 = Period.quarter(2026, 4);
        assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q4.next()).isEqualTo(Period.quarter(2027, 1));
        Period year = Period.year(2026);
        assertThat(year).hasToString("2026");
        assertThat(year.months()).hasSize(12);
        assertThat(year.year()).isEqualTo(2026);
        assertThat(Period.year(7)).hasToString("0007");
        assertThat(Period.month(YearMonth.of(2026, 1)).previous()).isEqualTo(Period.month(YearMonth.of(2025, 12)));
    }

    @Test
    void parsesEachForm() {
        assertThat(Period.parse("2026-03")).isEqualTo(Period.month(YearMonth.of(2026, 3)));
        assertThat(Period.parse("2026-Q1")).isEqualTo(Period.quarter(2026, 1));
        assertThat(Period.parse("2026")).isEqualTo(Period.year(2026));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "2026-3", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-q1", "0000",
        "2026-03-01", " 2026", "2026-Q1 ", "20260"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo("period"));
    }

    @Test
    void findsThePeriodContainingADate() {
        LocalDate date = LocalDate.of(2026, 8, 31);
        assertThat(Period.containing(date, Granularity.MONTH)).hasToString("2026-08");
        assertThat(Period.containing(date, Granularity.QUARTER)).hasToString("2026-Q3");
        assertThat(Period.containing(date, Granularity.YEAR)).hasToString("2026");
        assertThat(Period.quarter(2026, 3).contains(date)).isTrue();
        assertThat(Period.quarter(2026, 3).contains(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(Period.quarter(2026, 3).contains(LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(Period.quarter(2026, 3).contains(LocalDate.of(2026, 6, 30))).isFalse();
    }

    @Test
    void instantBoundariesFollowTheZone() {
        // New York is on EST (UTC-5) on 1 March and on EDT (UTC-4) on 1 April 2026
        Period march = Period.parse("2026-03");
        assertThat(march.startAt(NEW_YORK)).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(march.endAt(NEW_YORK)).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(Period.year(2026).startAt(SHANGHAI)).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(Period.year(2026).endAt(SHANGHAI)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(march.contains(Instant.parse("2026-03-01T04:59:59.999999999Z"), NEW_YORK)).isFalse();
        assertThat(march.contains(Instant.parse("2026-03-01T05:00:00Z"), NEW_YORK)).isTrue();
        assertThat(march.contains(Instant.parse("2026-04-01T03:59:59Z"), NEW_YORK)).isTrue();
        assertThat(march.contains(Instant.parse("2026-04-01T04:00:00Z"), NEW_YORK)).isFalse();
        // Cairo skipped from 00:00 to 01:00 on 2014-08-01: August starts at 01:00 local time, July ends there
        ZoneId cairo = ZoneId.of("Africa/Cairo");
        Period august = Period.month(YearMonth.of(2014, 8));
        assertThat(august.startAt(cairo)).isEqualTo(Instant.parse("2014-07-31T22:00:00Z"));
        assertThat(august.startAt(cairo).atZone(cairo).toLocalTime()).hasToString("01:00");
        assertThat(august.previous().endAt(cairo)).isEqualTo(august.startAt(cairo));
    }

    @Test
    void ordersByStartThenShorterFirst() {
        List<Period> periods = new ArrayList<>(List.of(Period.year(2026), Period.quarter(2026, 1),
                Period.month(YearMonth.of(2026, 1)), Period.month(YearMonth.of(2025, 12)), Period.quarter(2026, 2)));
        Collections.shuffle(periods);
        Collections.sort(periods);
        assertThat(periods).extracting(Period::toString).containsExactly("2025-12", "2026-01", "2026-Q1", "2026", "2026-Q2");
    }

    @Test
    void rejectsMisalignedAndOutOfRangePeriods() {
        assertThatThrownBy(() -> new Period(Granularity.QUARTER, YearMonth.of(2026, 2)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("firstMonth"))
                .hasMessageContaining("2026-02");
        assertThatThrownBy(() -> new Period(Granularity.YEAR, YearMonth.of(2026, 7)))
                .isInstanceOf(InvalidArgumentException.class);
        assertArgument(() -> Period.quarter(2026, 0), "quarter");
        assertArgument(() -> Period.quarter(2026, 5), "quarter");
        assertArgument(() -> Period.year(0), "year");
        assertArgument(() -> Period.year(10_000), "year");
        assertArgument(() -> Period.year(9999).next(), "year");
        assertArgument(() -> Period.month(YearMonth.of(1, 1)).previous(), "year");
        assertArgument(() -> Period.containing(LocalDate.of(10_000, 1, 1), Granularity.MONTH), "year");
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
        Period p = Period.year(2026);
        assertArgument(() -> new Period(null, YearMonth.of(2026, 1)), "granularity");
        assertArgument(() -> new Period(Granularity.MONTH, null), "firstMonth");
        assertArgument(() -> Period.month(null), "month");
        assertArgument(() -> Period.parse(null), "period");
        assertArgument(() -> Period.containing(null, Granularity.MONTH), "date");
        assertArgument(() -> Period.containing(LocalDate.of(2026, 1, 1), null), "granularity");
        assertArgument(() -> p.startAt(null), "zone");
        assertArgument(() -> p.endAt(null), "zone");
        assertArgument(() -> p.contains((LocalDate) null), "date");
        assertArgument(() -> p.contains(null, SHANGHAI), "instant");
        assertArgument(() -> p.contains(Instant.EPOCH, null), "zone");
        assertArgument(() -> p.contains(Instant.MAX, ZoneId.of("Asia/Tokyo")), "instant");
        assertArgument(() -> p.encloses(null), "other");
        assertArgument(() -> p.compareTo(null), "other");
    }

    private static void assertArgument(Runnable call, String argument) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument));
    }
}
