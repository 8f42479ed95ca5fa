package dev.keyline.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmarks' ids are exactly what the formatter wrote before, so the stored rows stay the same. */
class IdsTest {

    @Test
    void anIdIsThePrefixAndTheNumberZeroPaddedToNineDigitsAsTheFormatterWritesIt() {
        for (long n : new long[] {0, 1, 9, 10, 99_999_999, 999_999_999, 1_000_000_000, Long.MAX_VALUE}) {
            assertThat(Ids.padded("KA-", n)).isEqualTo(String.format("KA-%09d", n));
        }
        SplittableRandom random = new SplittableRandom(20261205L);
        for (int i = 0; i < 10_000; i++) {
            // numbers of every length, from one digit to nineteen
            long n = random.nextLong(1, Long.MAX_VALUE) >>> random.nextInt(63);
            assertThat(Ids.padded("PO-", n)).isEqualTo(String.format("PO-%09d", n));
        }
    }

    @Test
    void aNegativeNumberIsRefused() {
        assertThatThrownBy(() -> Ids.padded("KA-", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
