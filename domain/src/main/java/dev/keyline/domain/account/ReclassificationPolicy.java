package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How often a local network redraws its key-account list (大客户名单每年或每半年调整一次): every 6
 * or every 12 months, over a window of as many months.
 *
 * @param intervalMonths 6 or 12
 */
public record ReclassificationPolicy(int intervalMonths) {

    /**
     * Validates the interval.
     *
     * @param intervalMonths 6 or 12
     */
    public ReclassificationPolicy {
        if (intervalMonths != 6 && intervalMonths != 12) {
            throw new InvalidArgumentException("intervalMonths", "must be 6 or 12, was " + intervalMonths);
        }
    }

    /** {@return every half year} */
    public static ReclassificationPolicy halfYearly() {
        return new ReclassificationPolicy(6);
    }

    /** {@return every year} */
    public static ReclassificationPolicy yearly() {
        return new ReclassificationPolicy(12);
    }

    /**
     * The earliest date of the next run.
     *
     * @param lastRun the date of the last run
     * @return {@code lastRun} plus the interval
     */
    public LocalDate nextRunAfter(LocalDate lastRun) {
        return Require.nonNull(lastRun, "lastRun").plusMonths(intervalMonths);
    }

    /**
     * Whether a run is due: never run before, or at least the interval has passed since the last run.
     *
     * @param lastRun the date of the last run, empty when there was none
     * @param today today's date, not before {@code lastRun}
     * @return true when due
     */
    public boolean isDue(Optional<LocalDate> lastRun, LocalDate today) {
        Require.nonNull(lastRun, "lastRun");
        Require.nonNull(today, "today");
        if (lastRun.isEmpty()) {
            return true;
        }
        if (today.isBefore(lastRun.get())) {
            throw new InvalidArgumentException("today", "must not be before the last run " + lastRun.get() + ", was " + today);
        }
        return !today.isBefore(nextRunAfter(lastRun.get()));
    }

    /**
     * Whether a run is due after a run on {@code lastRun}.
     *
     * @param lastRun the date of the last run
     * @param today today's date, not before {@code lastRun}
     * @return true when due
     */
    public boolean isDue(LocalDate lastRun, LocalDate today) {
        return isDue(Optional.of(Require.nonNull(lastRun, "lastRun")), today);
    }

    /**
     * The assessment window of a run: the interval's months before the run date's month.
     *
     * @param runDate the run date
     * @return the window
     */
    public AssessmentWindow window(LocalDate runDate) {
        return AssessmentWindow.endingBefore(runDate, intervalMonths);
    }
}
