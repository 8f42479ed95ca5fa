package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * The band of a scorecard's score: {@link Band#GREEN} when {@code score ≥ green},
 * {@link Band#AMBER} when {@code amber ≤ score < green}, {@link Band#RED} when {@code score < amber}.
 *
 * @param green the lowest green score, from {@code amber} to 100
 * @param amber the lowest amber score, from 0 to {@code green}
 */
public record ScoreThresholds(BigDecimal green, BigDecimal amber) {

    /** The default: green from 85, amber from 60. */
    public static final ScoreThresholds DEFAULT = new ScoreThresholds(BigDecimal.valueOf(85), BigDecimal.valueOf(60));

    /**
     * Validates the thresholds.
     *
     * @param green the lowest green score, from {@code amber} to 100
     * @param amber the lowest amber score, from 0 to {@code green}
     * @throws InvalidArgumentException naming the field when an argument is null or they are not
     *     {@code 0 ≤ amber ≤ green ≤ 100}
     */
    public ScoreThresholds {
        Require.nonNull(green, "green");
        Require.nonNegative(amber, "amber");
        Require.that(green.compareTo(BigDecimal.valueOf(100)) <= 0, "green", () -> "must be at most 100, was " + green);
        Require.that(amber.compareTo(green) <= 0, "amber", () -> "must not exceed the green threshold " + green + ", was " + amber);
    }

    /**
     * The band of a score.
     *
     * @param score the score
     * @return the band
     * @throws InvalidArgumentException when {@code score} is null
     */
    public Band band(BigDecimal score) {
        Require.nonNull(score, "score");
        if (score.compareTo(green) >= 0) {
            return Band.GREEN;
        }
        return score.compareTo(amber) >= 0 ? Band.AMBER : Band.RED;
    }
}
