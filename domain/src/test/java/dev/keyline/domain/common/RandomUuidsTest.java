package dev.keyline.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The event ids' generator: version 4 UUIDs, distinct across buffer fills and threads, every random bit random. */
class RandomUuidsTest {

    /** The 122 random bits' positions: all but the version (bits 12 to 15 of the high half) and the variant (the low half's top two). */
    private static boolean random(int half, int bit) {
        return half == 0 ? bit < 12 || bit > 15 : bit < 62;
    }

    @Test
    void theBitsComeFromTheJdksDrbg() {
        assertThat(RandomUuids.algorithm()).isEqualTo("DRBG");
    }

    @Test
    void everyIdIsAVersion4Variant2UuidAndEveryRandomBitTakesBothValuesAboutEvenly() {
        int ids = 20 * RandomUuids.IDS_PER_FILL * 10; // many fills of one thread's buffer
        int[][] ones = new int[2][64];
        for (int i = 0; i < ids; i++) {
            UUID id = RandomUuids.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            long[] halves = {id.getMostSignificantBits(), id.getLeastSignificantBits()};
            for (int half = 0; half < 2; half++) {
                for (int bit = 0; bit < 64; bit++) {
                    ones[half][bit] += (int) (halves[half] >>> bit & 1);
                }
            }
        }
        // 12,800 draws a bit: a fair bit lands within 3 % of half (over 6 standard deviations)
        for (int half = 0; half < 2; half++) {
            for (int bit = 0; bit < 64; bit++) {
                if (random(half, bit)) {
                    assertThat(ones[half][bit]).as("half %d, bit %d", half, bit).isBetween(ids / 2 - ids * 3 / 100,
                            ids / 2 + ids * 3 / 100);
                }
            }
        }
    }

    @Test
    void idsDrawnOnSeveralThreadsAtOnceAreAllDistinct() throws Exception {
        int threads = 4;
        int each = 25_000; // several hundred fills per thread
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<UUID>>> draws = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                draws.add(() -> {
                    List<UUID> drawn = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        drawn.add(EventId.random().value());
                    }
                    return drawn;
                });
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> drawn : pool.invokeAll(draws)) {
                all.addAll(drawn.get());
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }
}
