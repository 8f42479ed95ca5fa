package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The forms of a stored instant: its text, as the outbox's array parameters carry it on PostgreSQL,
 * and the value at offset UTC every instant is bound as.
 */
class StoredInstantTextTest {

    /** The first and last second of the years 1 to 9999, in UTC. */
    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void anInstantOfTheYearsOneTo9999ReadsBackAsTheStoredInstantInTheFixedForm() {
        qt().withFixedSeed(20261205L).withExamples(20_000)
                .forAll(longs().between(FIRST, LAST), integers().between(0, 999_999_999))
                .checkAssert((seconds, nanos) -> {
                    Instant instant = Instant.ofEpochSecond(seconds, nanos);
                    String text = SqlParameters.storedInstantText(instant);
                    assertThat(Instant.parse(text)).isEqualTo(SqlParameters.storedInstant(instant));
                    assertThat(text).hasSize(27).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
                });
    }

    @Test
    void theEdgesOfTheRangeAndOfADayKeepTheirDigits() {
        assertThat(SqlParameters.storedInstantText(Instant.parse("0001-01-01T00:00:00Z")))
                .isEqualTo("0001-01-01T00:00:00.000000Z");
        assertThat(SqlParameters.storedInstantText(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999Z");
        assertThat(SqlParameters.storedInstantText(Instant.parse("1969-12-31T23:59:59.000001Z")))
                .isEqualTo("1969-12-31T23:59:59.000001Z");
        assertThat(SqlParameters.storedInstantText(Instant.parse("2026-03-02T02:00:00.1234567Z")))
                .isEqualTo("2026-03-02T02:00:00.123456Z");
    }

    @Test
    void anInstantOutsideThoseYearsFallsBackToTheIsoForm() {
        Instant late = Instant.parse("+10000-01-01T00:00:00.5Z");
        Instant early = Instant.parse("-0001-06-01T12:00:00Z");

        assertThat(SqlParameters.storedInstantText(late)).isEqualTo(late.toString());
        assertThat(SqlParameters.storedInstantText(early)).isEqualTo(early.toString());
    }

    @Test
    void theBoundValueIsTheStoredInstantAtOffsetUtcForEveryInstantAnOffsetDateTimeHolds() {
        long first = java.time.OffsetDateTime.MIN.toEpochSecond() + 18 * 3600;
        long last = java.time.OffsetDateTime.MAX.toEpochSecond() - 18 * 3600;
        qt().withFixedSeed(20261207L).withExamples(20_000)
                .forAll(longs().between(first, last), integers().between(0, 999_999_999))
                .checkAssert((seconds, nanos) -> {
                    Instant instant = Instant.ofEpochSecond(seconds, nanos);
                    assertThat(SqlParameters.storedUtc(instant))
                            .isEqualTo(java.time.OffsetDateTime.ofInstant(SqlParameters.storedInstant(instant),
                                    java.time.ZoneOffset.UTC));
                });
        assertThatThrownBy(() -> SqlParameters.storedUtc(Instant.MAX)).isInstanceOf(java.time.DateTimeException.class);
    }
}
