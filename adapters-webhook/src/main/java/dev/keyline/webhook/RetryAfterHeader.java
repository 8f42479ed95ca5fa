package dev.keyline.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} value: delta-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2015 07:28:00 GMT}). A date in the past means "now"; anything unreadable is
 * no hint at all, so the relay's own backoff applies.
 */
final class RetryAfterHeader {

    private static final int MAX_DIGITS = 12;

    private RetryAfterHeader() {
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return text.length() > MAX_DIGITS ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
