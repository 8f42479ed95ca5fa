package dev.keyline.domain.archfixture;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps every rule of the domain architecture while coming close to them (time from a passed-in
 * clock, Guava collections), so a test can prove the rules are not broader than they should be.
 */
public final class CleanClockUse {

    private CleanClockUse() {
    }

    /** Reads time from the clock it is given, which the rules allow. */
    static List<Object> stamps(Clock clock) {
        return ImmutableList.of(Instant.now(clock), LocalDate.now(clock));
    }
}
