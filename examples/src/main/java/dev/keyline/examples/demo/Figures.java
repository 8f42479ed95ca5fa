package dev.keyline.examples.demo;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes amounts, shares, tiers and times, the same way in every chapter. */
public final class Figures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Figures() {
    }

    /**
     * An amount with thousands separators and two decimals, for example {@code 12,345.60}.
     *
     * @param money the amount
     * @return the text
     */
    public static String cny(Money money) {
        Require.nonNull(money, "money");
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(money.amount());
    }

    /**
     * A fraction as a percentage with one decimal, for example {@code 0.3021} as {@code 30.2%}.
     *
     * @param fraction the fraction
     * @return the text
     */
    public static String percent(BigDecimal fraction) {
        Require.nonNull(fraction, "fraction");
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /**
     * One amount as a share of another, as {@link #percent(BigDecimal)} writes it.
     *
     * @param part the part
     * @param whole the whole; zero gives {@code 0.0%}
     * @return the text
     */
    public static String shareOf(Money part, Money whole) {
        Require.nonNull(part, "part");
        Require.nonNull(whole, "whole");
        if (whole.isZero()) {
            return percent(BigDecimal.ZERO);
        }
        return percent(part.amount().divide(whole.amount(), 6, RoundingMode.HALF_EVEN));
    }

    /**
     * A time in the story's zone, to the second, for example {@code 2024-10-01 09:00:00}.
     *
     * @param instant the time
     * @param zone the story's zone
     * @return the text
     */
    public static String time(Instant instant, ZoneId zone) {
        Require.nonNull(instant, "instant");
        Require.nonNull(zone, "zone");
        return TIME.format(instant.atZone(zone));
    }

    /**
     * How a tier is shown in the report.
     *
     * @param tier the tier
     * @return {@code Level 2 (national)}, {@code Level 1 (local)}, {@code potential}, or a dash for no key account
     */
    public static String tier(Tier tier) {
        Require.nonNull(tier, "tier");
        return switch (tier) {
            case NATIONAL -> "Level 2 (national)";
            case LOCAL -> "Level 1 (local)";
            case POTENTIAL -> "potential";
            case NONE -> "-";
        };
    }

    /**
     * An industry segment in words, for example {@code science, education, culture and health}.
     *
     * @param industry the industry
     * @return the text
     */
    public static String industry(Industry industry) {
        Require.nonNull(industry, "industry");
        return switch (industry) {
            case FINANCE -> "finance";
            case KEY_CUSTOMERS -> "key customers";
            case INFORMATION -> "information";
            case SCIENCE_EDUCATION_CULTURE_HEALTH -> "science, education, culture and health";
            case TOURISM -> "tourism";
            case COMMERCE_TRADE -> "commerce and trade";
            case OTHER -> "other";
        };
    }

    /**
     * A role's name in words, for example {@code DEPARTMENT_GENERAL_MANAGER} as
     * {@code department general manager}; an empty name stays empty.
     *
     * @param role the role's name, as an audience or {@link dev.keyline.domain.common.Role} writes it
     * @return the text
     */
    public static String role(String role) {
        Require.nonNull(role, "role");
        return role.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The first eight hex digits of an event id, enough to tell the story's events apart.
     *
     * @param eventId the event id's text
     * @return for example {@code 0b6f3a8e…}
     */
    public static String shortId(String eventId) {
        Require.nonBlank(eventId, "eventId");
        return eventId.length() <= 8 ? eventId : eventId.substring(0, 8) + "…";
    }
}
