package dev.keyline.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterHeaderTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void readsDeltaSeconds() {
        assertThat(RetryAfterHeader.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfterHeader.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfterHeader.parse("Wed, 21 Oct 2015 07:30:30 GMT", NOW)).contains(Duration.ofSeconds(150));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfterHeader.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "-5", "1.5", "99999999999999999999", "2015-10-21T07:30:30Z"})
    void anythingElseIsNoHint(String value) {
        assertThat(RetryAfterHeader.parse(value, NOW)).isEmpty();
    }

    @Test
    void anAbsentHeaderIsNoHint() {
        assertThat(RetryAfterHeader.parse(null, NOW)).isEmpty();
    }
}
