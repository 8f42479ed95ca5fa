package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.TierChangeCause;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.common.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LimitsTest {

    /** A grinning face, outside the Basic Multilingual Plane: two UTF-16 code units. */
    private static final String ASTRAL = "\uD83D\uDE00";

    @Test
    void textCountsUtf16CodeUnitsSoAnAstralCharacterCountsTwice() {
        String atLimit = ASTRAL.repeat(Limits.RULE_NAME_LENGTH / 2);
        assertThat(Limits.text(atLimit, "rule", Limits.RULE_NAME_LENGTH)).isSameAs(atLimit);
        String oneOver = "规" + atLimit.substring(0, atLimit.length() - 2) + ASTRAL;
        assertRejected(() -> Limits.text(oneOver, "rule", Limits.RULE_NAME_LENGTH), "rule",
                "must be at most 200 characters, was 201 (UTF-16 code units");
    }

    @Test
    void lengthAllowsEmptyTextButNotTooLong() {
        assertThat(Limits.length("", "note", Limits.TEXT_LENGTH)).isEmpty();
        assertRejected(() -> Limits.length("x".repeat(Limits.TEXT_LENGTH + 1), "note", Limits.TEXT_LENGTH), "note",
                "must be at most 4000 characters, was 4001");
    }

    @Test
    void textADatabaseCannotKeepVerbatimIsRejected() {
        assertRejected(() -> Limits.text("a\u0000b", "reason", Limits.TEXT_LENGTH), "reason", "NUL character");
        assertRejected(() -> Limits.text("a\uD83D", "reason", Limits.TEXT_LENGTH), "reason", "half a surrogate pair");
        assertRejected(() -> Limits.text("\uDE00a", "reason", Limits.TEXT_LENGTH), "reason", "half a surrogate pair");
        String quoted = "O'Brien \"quoted\" \\ %_; DROP TABLE keyline_key_account; -- 客户 " + ASTRAL;
        assertThat(Limits.text(quoted, "reason", Limits.TEXT_LENGTH)).isSameAs(quoted);
    }

    @Test
    void moneyIsBoundedByNumeric19Scale2() {
        assertThat(Limits.MAX_MONEY).isEqualByComparingTo("99999999999999999.99");
        Money largest = Money.cny(Limits.MAX_MONEY);
        assertThat(Limits.money(largest, "amount")).isSameAs(largest);
        assertThat(Limits.money(largest.negate(), "amount")).isEqualTo(largest.negate());
        Money tooLarge = largest.plus(Money.cny("0.01"));
        assertRejected(() -> Limits.money(tooLarge, "amount"), "amount", "must be at most 99999999999999999.99");
        assertRejected(() -> Limits.money(tooLarge.negate(), "amount"), "amount", "in magnitude");
    }

    @Test
    void ratiosAreNormalisedToTheStoredScaleAndNeverRounded() {
        assertThat(Limits.ratio(new BigDecimal("-0.1"), "growth")).isEqualTo(new BigDecimal("-0.100000"));
        assertThat(Limits.ratio(new BigDecimal("0.1230000000"), "growth")).isEqualTo(new BigDecimal("0.123000"));
        assertThat(Limits.ratio(new BigDecimal("1E+2"), "growth")).isEqualTo(new BigDecimal("100.000000"));
        assertThat(Limits.ratio(Limits.MAX_RATIO, "growth")).isEqualTo(new BigDecimal("999999.999999"));
        assertRejected(() -> Limits.ratio(new BigDecimal("0.1234567"), "growth"), "growth", "at most 6 decimals");
        assertRejected(() -> Limits.ratio(new BigDecimal("1000000"), "growth"), "growth", "in magnitude");
        assertRejected(() -> Limits.ratio(new BigDecimal("1E+1000000000"), "growth"), "growth", "in magnitude");
        assertRejected(() -> Limits.ratio(new BigDecimal("1E-1000000000"), "growth"), "growth", "at most 6 decimals");
    }

    @Test
    void monthsLieInTheYearsTheirTextCanHold() {
        assertThat(Limits.month(YearMonth.of(9999, 12), "month")).isEqualTo(YearMonth.of(9999, 12));
        assertThat(Limits.month(YearMonth.of(1, 1), "month")).isEqualTo(YearMonth.of(1, 1));
        assertRejected(() -> Limits.month(YearMonth.of(10_000, 1), "month"), "month", "years 1 to 9999");
        assertRejected(() -> Limits.month(YearMonth.of(0, 12), "month"), "month", "years 1 to 9999");
        assertRejected(() -> SpendFact.original(new SpendFactId("F1"), new AccountId("A1"), new LocalNetworkId("SZ"),
                YearMonth.of(10_000, 1), Money.zero(), Instant.EPOCH), "month", "10000-01");
    }

    @Test
    void discountsHaveAtMostTwelveDecimals() {
        assertThat(Limits.discount(new BigDecimal("0.123456789012"), "maximum")).isEqualTo("0.123456789012");
        assertRejected(() -> Limits.discount(new BigDecimal("0.1234567890123"), "maximum"), "maximum",
                "at most 12 decimals");
    }

    @Test
    void domainValuesNameTheFieldThatExceedsAStorageBound() {
        String longRule = "r".repeat(Limits.RULE_NAME_LENGTH + 1);
        assertRejected(() -> new ChurnSignal(longRule, ChurnSignalKind.COMPLAINTS, LocalDate.of(2026, 1, 1), "d"),
                "rule", "at most 200");
        assertRejected(() -> new TierChangeCause.ClassificationRun(longRule, LocalDate.of(2026, 1, 1)), "ruleName",
                "at most 200");
        Money tooLarge = Money.cny(Limits.MAX_MONEY).plus(Money.cny("0.01"));
        assertRejected(() -> new AccountProfile(0, tooLarge, BigDecimal.ZERO, Money.zero(), BigDecimal.ZERO, false,
                false, 0, 0), "annualTurnover", "in magnitude");
        assertRejected(() -> new AccountProfile(0, Money.zero(), new BigDecimal("0.0000001"), Money.zero(),
                BigDecimal.ZERO, false, false, 0, 0), "turnoverGrowth", "at most 6 decimals");
        assertRejected(() -> AuthorityMatrix.of(Map.of(Role.FINANCIAL_MANAGER, new BigDecimal("0.1234567890123"))),
                "maximumDiscounts[FINANCIAL_MANAGER]", "at most 12 decimals");
        assertRejected(() -> Audience.of("s").withRole("x".repeat(Limits.AUDIENCE_PART_LENGTH + 1)), "role",
                "at most 255");
    }

    @Test
    void aProfileKeepsItsRatiosAtTheStoredScale() {
        AccountProfile profile = new AccountProfile(1, Money.zero(), new BigDecimal("-0.10"), Money.zero(),
                new BigDecimal("0.5"), false, false, 0, 0);
        assertThat(profile.turnoverGrowth()).isEqualTo(new BigDecimal("-0.100000"));
        assertThat(profile.whiteCollarShare()).isEqualTo(new BigDecimal("0.500000"));
        assertThat(new AccountProfile(1, Money.zero(), new BigDecimal("-0.1"), Money.zero(), new BigDecimal("0.50"),
                false, false, 0, 0)).isEqualTo(profile);
    }

    @Test
    void theBoundaryTextsOfTheGeneratorsAreValidAndFillTheirBound() {
        for (int bound : new int[] {Limits.RULE_NAME_LENGTH, Limits.NAME_LENGTH, Limits.TEXT_LENGTH, 201}) {
            List<String> texts = KernelGenerators.boundaryTextList(bound);
            for (String text : texts) {
                assertThat(Limits.text(text, "text", bound)).isSameAs(text);
            }
            assertThat(texts.subList(0, 4)).allSatisfy(t -> assertThat(t).hasSize(bound));
            assertThat(texts.get(2).codePointCount(0, bound)).isEqualTo((bound + 1) / 2);
            assertThat(texts.get(3)).endsWith(KernelGenerators.ASTRAL).contains(KernelGenerators.ASTRAL_CJK);
            assertThat(texts.get(4)).contains("'").contains(";").contains("--");
        }
    }

    private static void assertRejected(ThrowingCallable call, String argument, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.argument()).isEqualTo(argument)).hasMessageContaining(message);
    }
}
