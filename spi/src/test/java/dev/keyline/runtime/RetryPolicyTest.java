package dev.keyline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.keyline.domain.common.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theDefaultsAreAsDocumented() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(8);
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.lease()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.batchSize()).isEqualTo(500);
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8), Duration.ofSeconds(30), 4)
                .maxRetryAfter()).as("the six-part constructor keeps the default cap").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theWaitIsTheLongerOfBackoffAndHintWithTheHintCapped() {
        RetryPolicy p = RetryPolicy.defaults().withMaxRetryAfter(Duration.ofMinutes(30));
        assertThat(p.waitAfter(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.waitAfter(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.waitAfter(3, Duration.ofMinutes(29))).isEqualTo(Duration.ofMinutes(29));
        assertThat(p.waitAfter(3, Duration.ofMinutes(31))).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.waitAfter(3, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theWaitNeverPassesTheLongerOfMaxBackoffAndTheCap() {
        qt().forAll(integers().between(1, 200), integers().between(0, Integer.MAX_VALUE)).checkAssert((n, hint) -> {
            RetryPolicy p = RetryPolicy.defaults();
            Duration wait = p.waitAfter(n, Duration.ofSeconds(hint));
            assertThat(wait).isGreaterThanOrEqualTo(p.backoffAfter(n))
                    .isLessThanOrEqualTo(p.maxBackoff().compareTo(p.maxRetryAfter()) > 0 ? p.maxBackoff() : p.maxRetryAfter());
        });
    }

    @Test
    void backoffGrowsExponentiallyUpToTheMaximum() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoffAfter(10)).isEqualTo(Duration.ofSeconds(512));
        assertThat(p.backoffAfter(11)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void backoffNeverShrinksAndNeverPassesTheMaximum() {
        qt().forAll(integers().between(1, 200)).checkAssert(n -> {
            RetryPolicy p = RetryPolicy.defaults().withMultiplier(1.7);
            assertThat(p.backoffAfter(n + 1)).isGreaterThanOrEqualTo(p.backoffAfter(n));
            assertThat(p.backoffAfter(n)).isLessThanOrEqualTo(p.maxBackoff()).isGreaterThanOrEqualTo(p.initialBackoff());
        });
    }

    @Test
    void invalidPoliciesAreRejectedNamingTheField() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThatThrownBy(() -> p.withMaxAttempts(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> p.withInitialBackoff(Duration.ZERO)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> p.withInitialBackoff(null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("newInitialBackoff");
        assertThatThrownBy(() -> p.withMultiplier(0.5)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> p.withMultiplier(Double.NaN)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> p.withMaxBackoff(Duration.ofMillis(500))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> p.withLease(Duration.ofSeconds(-1))).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> p.withBatchSize(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> p.withMaxRetryAfter(Duration.ZERO)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> p.waitAfter(0, null)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("failedAttempt");
        assertThatThrownBy(() -> p.backoffAfter(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("failedAttempt");
    }
}
