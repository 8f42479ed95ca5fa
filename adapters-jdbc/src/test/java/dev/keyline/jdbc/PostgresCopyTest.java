package dev.keyline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@link PostgresCopy} turns into a copy and how it writes values, without a database (the
 * copies themselves run on PostgreSQL in {@link WriteBehindContract} and
 * {@link StatementCountContract}).
 */
class PostgresCopyTest {

    @Test
    void anInsertOfTheProvidersFormIntoAKeylineTableIsCopiedIntoTheSameColumns() {
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_sla_order (sla_id, line_no, reference) VALUES (?, ?, ?)"))
                .isEqualTo("COPY keyline_sla_order (sla_id, line_no, reference) FROM STDIN");
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_tally (tally_id) VALUES (?)"))
                .isEqualTo("COPY keyline_tally (tally_id) FROM STDIN");
    }

    @Test
    void anyOtherInsertIsNot() {
        // a host's table, whose timestamps may lack a time zone
        assertThat(PostgresCopy.copyOf("INSERT INTO notes_note (note_id, text) VALUES (?, ?)")).isNull();
        // an expression, a cast, a conflict clause, a returned column, a count that does not match
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_outbox (event_id, payload) VALUES (?, CAST(? AS jsonb))")).isNull();
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_outbox (event_id, payload) VALUES (?, ?::jsonb)")).isNull();
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_timer (timer_key) VALUES (?) ON CONFLICT DO NOTHING")).isNull();
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_spend_fact (fact_id) VALUES (?) RETURNING fact_id")).isNull();
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_tally (tally_id, total) VALUES (?)")).isNull();
        assertThat(PostgresCopy.copyOf("INSERT INTO keyline_tally (tally_id) VALUES (?, ?)")).isNull();
        assertThat(PostgresCopy.copyOf("UPDATE keyline_tally SET total = ? WHERE tally_id = ?")).isNull();
    }

    @Test
    void theTranslatedTextsKeptAreBoundedWhateverTextsAHostSends() {
        for (int i = 0; i < 1_500; i++) {
            assertThat(PostgresCopy.copyOf("INSERT INTO notes_note_" + i + " (note_id) VALUES (?)")).isNull();
            assertThat(PostgresCopy.copyOf("INSERT INTO keyline_tally_" + i + " (tally_id) VALUES (?)"))
                    .isEqualTo("COPY keyline_tally_" + i + " (tally_id) FROM STDIN");
        }

        assertThat(PostgresCopy.keptTexts()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void eachValueIsWrittenAsTheTextItIsBoundAs() {
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        Instant instant = Instant.parse("2026-03-02T02:00:00.123456789Z");
        StringBuilder data = new StringBuilder();

        boolean appended = PostgresCopy.appendRow(data, new Object[] {
            "plain", null, Optional.empty(), Optional.of("in an optional"), instant,
            OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8)), true, false, 42L, 7, (short) 3,
            new BigInteger("123456789012345678901234567890"), new BigDecimal("1E+3"), new BigDecimal("-0.000120"),
            Industry.FINANCE, new AccountId("KA1"), new EventId(uuid), uuid, LocalDate.of(2026, 12, 6),
            YearMonth.of(2026, 12), Currency.getInstance("CNY"), new byte[] {0, 15, (byte) 0xab}});

        assertThat(appended).isTrue();
        assertThat(data).hasToString(String.join("\t", "plain", "\\N", "\\N", "in an optional",
                "2026-03-02T02:00:00.123456Z", "2026-03-02T02:00:00.000000Z", "t", "f", "42", "7", "3",
                "123456789012345678901234567890", "1000", "-0.000120", "FINANCE", "KA1", uuid.toString(),
                uuid.toString(), "2026-12-06", "2026-12", "CNY", "\\\\x000fab") + "\n");
    }

    @Test
    void theCharactersCopyGivesAMeaningAreEscaped() {
        StringBuilder data = new StringBuilder();

        PostgresCopy.appendRow(data, new Object[] {"a\tb\nc\rd\\e \\N 客户", "\\"});

        assertThat(data).hasToString("a\\tb\\nc\\rd\\\\e \\\\N 客户\t\\\\\n");
    }

    @Test
    void aRowWithAValueOfNoTextFormAppendsNothingSoTheGroupGoesAsABatch() {
        StringBuilder data = new StringBuilder("earlier row\n");

        assertThat(PostgresCopy.appendRow(data, new Object[] {"KA1", 0.1d})).isFalse();
        assertThat(PostgresCopy.appendRow(data, new Object[] {"KA1", Money.cny("10.00")})).isFalse();
        assertThat(PostgresCopy.appendRow(data, new Object[] {"KA1", new Object()})).isFalse();
        assertThat(data).hasToString("earlier row\n");
    }
}
