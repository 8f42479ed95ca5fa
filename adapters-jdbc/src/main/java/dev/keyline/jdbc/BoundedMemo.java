package dev.keyline.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers worked out once per key and kept, up to a bound: the provider's code asks the same
 * questions of a few constant texts (a column name's check, an INSERT's table, a COPY's text) on
 * every save, and a host that builds texts at run time must not grow the memo without end, so
 * beyond the bound an answer is worked out each time and not kept. Safe for concurrent use; two
 * threads may work out the same answer once each, and the first kept stays.
 *
 * @param <K> the question
 * @param <V> the answer
 */
final class BoundedMemo<K, V> {

    private final ConcurrentHashMap<K, V> kept = new ConcurrentHashMap<>();
    private final int bound;
    private final Function<K, V> answer;

    /**
     * A memo of {@code answer}'s results.
     *
     * @param bound the most answers kept
     * @param answer works an answer out; may throw, and then nothing is kept
     */
    BoundedMemo(int bound, Function<K, V> answer) {
        this.bound = bound;
        this.answer = answer;
    }

    /** The answer for {@code key}, kept or worked out. */
    V get(K key) {
        V known = kept.get(key);
        if (known != null) {
            return known;
        }
        V worked = answer.apply(key);
        if (kept.size() < bound) {
            kept.putIfAbsent(key, worked);
        }
        return worked;
    }

    /** How many answers are kept; at most the bound. */
    int size() {
        return kept.size();
    }
}
