package dev.keyline.domain.archfixture;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.quicktheories.core.Gen;

/**
 * Breaks every rule of the domain architecture on purpose, so a test can prove that the rules
 * catch it. Never called; lives in the test sources only and is left out of the test-jar.
 */
public final class PlantedViolations {

    private PlantedViolations() {
    }

    /** Reads the system clock and uses JDBC time. */
    static Timestamp stampNow() {
        return Timestamp.from(Instant.now());
    }

    /** Reads the system clock in the other ways the rules forbid. */
    static long otherClocks() {
        LocalDate today = LocalDate.now();
        LocalDateTime now = LocalDateTime.now();
        Clock utc = Clock.systemUTC();
        Clock local = Clock.systemDefaultZone();
        return System.currentTimeMillis() + today.getYear() + now.getHour() + utc.millis() + local.millis();
    }

    /** Reads the system clock through a method reference rather than a call. */
    static Supplier<LocalDate> todaySupplier() {
        return LocalDate::now;
    }

    /** Logs with java.util.logging and with System.Logger. */
    static void log() {
        Logger.getLogger("planted").info("planted");
        System.Logger logger = System.getLogger("planted");
        logger.log(System.Logger.Level.INFO, "planted");
    }

    /** Starts threads. */
    static void runInBackground(Runnable work) {
        new Thread(work).start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.submit(work);
        pool.shutdown();
    }

    /** Depends on a library outside the JDK and Guava. */
    static Gen<Integer> outsideDependency() {
        return null;
    }
}
