package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.KeptStateOutdatedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How {@link Keyline#execute} runs a command again after a {@link KeptStateOutdatedException}:
 * once without counting it against the stale-version retries, later ones counted like any stale
 * version. The provider's side (when it throws it) is tested with the JDBC provider.
 */
class KeptStateOutdatedRetryTest {

    private static Keyline keyline(int staleRetries) {
        return Keyline.builder().storage(new InMemoryStorage()).staleRetries(staleRetries).areaReactions(false).build();
    }

    /** A command that fails with the given failures on its first attempts, then returns its attempt number. */
    private static java.util.function.Function<CommandContext, Integer> failingFirst(AtomicInteger attempts,
            RuntimeException... failures) {
        return ctx -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= failures.length) {
                throw failures[attempt - 1];
            }
            return attempt;
        };
    }

    private static KeptStateOutdatedException outdated() {
        return new KeptStateOutdatedException("the kept state of tally T at version 2 was outdated", null);
    }

    @Test
    void anOutdatedKeptStateIsRunAgainOnceEvenWithNoStaleRetries() {
        AtomicInteger attempts = new AtomicInteger();

        int result = keyline(0).execute(failingFirst(attempts, outdated()));

        assertThat(result).isEqualTo(2);
    }

    @Test
    void theFreeAttemptIsOnlyOneAndLaterOutdatedStatesCount() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> keyline(0).execute(failingFirst(attempts, outdated(), outdated(), outdated())))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.attempts()).isEqualTo(1))
                .hasCauseInstanceOf(KeptStateOutdatedException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void withRetriesTheFreeAttemptComesOnTopOfThem() {
        AtomicInteger attempts = new AtomicInteger();
        StaleVersionException raced = new StaleVersionException("tally T changed");

        int result = keyline(1).execute(failingFirst(attempts, outdated(), raced));

        assertThat(result).isEqualTo(3);
        AtomicInteger again = new AtomicInteger();
        assertThatThrownBy(() -> keyline(1).execute(failingFirst(again, outdated(), raced, raced)))
                .isInstanceOf(ConcurrencyConflictException.class).hasCause(raced);
        assertThat(again).hasValue(3);
    }

    @Test
    void aJoinedCommandLeavesItToTheCommandThatStartedTheTransaction() {
        Keyline keyline = keyline(0);
        AtomicInteger inner = new AtomicInteger();
        AtomicInteger outer = new AtomicInteger();

        int result = keyline.execute(ctx -> {
            outer.incrementAndGet();
            return keyline.execute(failingFirst(inner, outdated()));
        });

        assertThat(result).isEqualTo(2);
        assertThat(outer).as("the outer command ran again, the inner one with it").hasValue(2);
    }
}
