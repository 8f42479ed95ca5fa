package dev.keyline.domain.common;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of working hours within a day (工作时段), for example 08:30–12:00. The start is
 * inclusive, the end exclusive. An end of {@link LocalTime#MIDNIGHT} means the end of the day
 * (24:00), so {@code 00:00–24:00} is a whole day and {@code 22:00–24:00} a late shift.
 *
 * @param start the local time work starts, inclusive
 * @param end the local time work stops, exclusive; 00:00 stands for 24:00
 */
public record WorkingWindow(LocalTime start, LocalTime end) {

    private static final Pattern TEXT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    /**
     * Validates that the window is not empty and does not run past midnight.
     *
     * @param start the local time work starts, inclusive
     * @param end the local time work stops, exclusive; 00:00 stands for 24:00
     * @throws InvalidArgumentException when an argument is null or {@code end} is not after
     *     {@code start} (other than the 24:00 end)
     */
    public WorkingWindow {
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        Require.that(end.equals(LocalTime.MIDNIGHT) || end.isAfter(start), "end",
                () -> "must be after the start " + start + " (or 00:00 for the end of the day) but was " + end);
    }

    /**
     * A window from {@code start} to {@code end}.
     *
     * @param start the start, inclusive
     * @param end the end, exclusive; 00:00 for the end of the day
     * @return the window
     * @throws InvalidArgumentException when the window is invalid
     */
    public static WorkingWindow of(LocalTime start, LocalTime end) {
        return new WorkingWindow(start, end);
    }

    /**
     * Reads the text form {@code HH:mm-HH:mm}, for example {@code 08:30-12:00} or
     * {@code 22:00-24:00}.
     *
     * @param text the text
     * @return the window
     * @throws InvalidArgumentException naming {@code window} when the text is null or malformed
     */
    public static WorkingWindow parse(String text) {
        Require.nonBlank(text, "window");
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new InvalidArgumentException("window", "expected HH:mm-HH:mm but was '" + text + "'");
        }
        try {
            LocalTime start = LocalTime.parse(m.group(1));
            LocalTime end = m.group(2).equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
            return new WorkingWindow(start, end);
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException("window", "not a valid time in '" + text + "'");
        }
    }

    /**
     * Whether the window runs to the end of the day (24:00).
     *
     * @return true when the end is 00:00
     */
    public boolean endsAtEndOfDay() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /**
     * The nominal length of the window; on a day when clocks change the working time that
     * actually elapses may differ.
     *
     * @return the length, positive
     */
    public Duration length() {
        return endsAtEndOfDay() ? Duration.ofDays(1).minus(Duration.ofNanos(start.toNanoOfDay()))
                : Duration.between(start, end);
    }

    /**
     * The text form {@code HH:mm-HH:mm} (seconds appear when set), with 24:00 for the end of the day.
     */
    @Override
    public String toString() {
        return start + "-" + (endsAtEndOfDay() ? "24:00" : end.toString());
    }
}
