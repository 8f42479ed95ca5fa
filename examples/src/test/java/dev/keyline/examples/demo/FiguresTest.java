package dev.keyline.examples.demo;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiguresTest {

    @Test
    void writesAmountsWithThousandsSeparatorsAndTwoDecimals() {
        assertThat(Figures.cny(Money.cny("1234567.5"))).isEqualTo("1,234,567.50");
        assertThat(Figures.cny(Money.cny("0"))).isEqualTo("0.00");
        assertThat(Figures.cny(Money.cny("-12.34"))).isEqualTo("-12.34");
    }

    @Test
    void writesSharesAsPercentagesWithOneDecimal() {
        assertThat(Figures.percent(new BigDecimal("0.3021"))).isEqualTo("30.2%");
        assertThat(Figures.percent(new BigDecimal("0.15"))).isEqualTo("15.0%");
        assertThat(Figures.shareOf(Money.cny("1"), Money.cny("3"))).isEqualTo("33.3%");
        assertThat(Figures.shareOf(Money.cny("1"), Money.zero())).isEqualTo("0.0%");
    }

    @Test
    void writesTimesInTheStorysZone() {
        assertThat(Figures.time(Instant.parse("2024-10-01T01:00:01Z"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo("2024-10-01 09:00:01");
    }

    @Test
    void namesEveryTier() {
        assertThat(Figures.tier(Tier.NATIONAL)).isEqualTo("Level 2 (national)");
        assertThat(Figures.tier(Tier.LOCAL)).isEqualTo("Level 1 (local)");
        assertThat(Figures.tier(Tier.POTENTIAL)).isEqualTo("potential");
        assertThat(Figures.tier(Tier.NONE)).isEqualTo("-");
    }

    @Test
    void writesRolesInWords() {
        assertThat(Figures.role("DEPARTMENT_GENERAL_MANAGER")).isEqualTo("department general manager");
        assertThat(Figures.role("")).isEmpty();
    }

    @Test
    void writesIndustriesInWords() {
        assertThat(Figures.industry(Industry.SCIENCE_EDUCATION_CULTURE_HEALTH))
                .isEqualTo("science, education, culture and health");
        for (Industry industry : Industry.values()) {
            assertThat(Figures.industry(industry)).doesNotContain("_").isNotBlank();
        }
    }

    @Test
    void shortensEventIdsToEightDigits() {
        assertThat(Figures.shortId("0b6f3a8e-5c1d-4e7a-9a53-2f1d8e6c4b21")).isEqualTo("0b6f3a8e…");
        assertThat(Figures.shortId("e-1")).isEqualTo("e-1");
        assertThatThrownBy(() -> Figures.shortId(" ")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("eventId");
    }
}
