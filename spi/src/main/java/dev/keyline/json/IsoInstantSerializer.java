package dev.keyline.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Jackson's {@link InstantSerializer} with its default text written without a
 * {@link DateTimeFormatter}: the same characters as {@link DateTimeFormatter#ISO_INSTANT}
 * ({@code 2026-03-02T02:00:00Z}, the fraction in groups of three digits as needed), composed
 * directly for the years 0 to 9999. Every event's instants go through it when the outbox writes
 * the event, and the formatter's general machinery cost a command a few tenths of a microsecond.
 *
 * <p>Everything else is the base class's: numeric timestamps when
 * {@code WRITE_DATES_AS_TIMESTAMPS} is on, a property's or type's {@code @JsonFormat} (whose
 * formatter the serializer made for that property then uses), and the formatter for years outside
 * the range above. The JDBC provider writes the stored instants of its array parameters in a fixed
 * form of its own (six fraction digits), in another module; the two share the approach, not code.
 */
final class IsoInstantSerializer extends InstantSerializer {

    private static final long serialVersionUID = 1L;

    /** The seconds of {@code 0000-01-01T00:00:00Z} and of {@code 10000-01-01T00:00:00Z}. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;

    /** The serializer with the base class's defaults. */
    IsoInstantSerializer() {
    }

    private IsoInstantSerializer(IsoInstantSerializer base, Boolean useTimestamp, DateTimeFormatter formatter,
                                 JsonFormat.Shape shape) {
        super(base, useTimestamp, formatter, shape);
    }

    /**
     * The base class makes a new serializer for every property whose format it looks up, even one
     * that sets nothing; this keeps the composed text for those (it applies only without a formatter).
     */
    @Override
    protected InstantSerializer withFormat(Boolean useTimestamp, DateTimeFormatter formatter,
                                           JsonFormat.Shape shape) {
        return new IsoInstantSerializer(this, useTimestamp, formatter, shape);
    }

    @Override
    protected String formatValue(Instant value, SerializerProvider provider) {
        if (_formatter != null) {
            return super.formatValue(value, provider);
        }
        String text = isoText(value);
        return text != null ? text : super.formatValue(value, provider);
    }

    /**
     * The instant as {@link DateTimeFormatter#ISO_INSTANT} writes it, or null outside the years
     * 0 to 9999 (where that formatter adds a sign or more digits).
     *
     * @param instant the instant
     * @return its text, or null when out of range
     */
    static String isoText(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int nano = instant.getNano();
        int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        char[] text = new char[fractionDigits == 0 ? 20 : 21 + fractionDigits];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            text[19] = '.';
            int fraction = fractionDigits == 3 ? nano / 1_000_000 : fractionDigits == 6 ? nano / 1_000 : nano;
            digits(text, 20, fraction, fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
