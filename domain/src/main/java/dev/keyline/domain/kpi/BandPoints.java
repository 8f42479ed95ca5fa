package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * The points, from 0 to 100, a scorecard line earns for its band. A better band never earns fewer
 * points: {@code 100 ≥ green ≥ amber ≥ red ≥ 0}.
 *
 * @param green the points of a green line
 * @param amber the points of an amber line
 * @param red the points of a red line
 */
public record BandPoints(BigDecimal green, BigDecimal amber, BigDecimal red) {

    /** The default: 100 points for green, 60 for amber, 0 for red. */
    public static final BandPoints DEFAULT = new BandPoints(BigDecimal.valueOf(100), BigDecimal.valueOf(60),
            BigDecimal.ZERO);

    /**
     * Validates the points.
     *
     * @param green the points of a green line
     * @param amber the points of an amber line
     * @param red the points of a red line
     * @throws InvalidArgumentException naming the field when an argument is null, outside 0..100, or
     *     a better band earns fewer points than a worse one
     */
    public BandPoints {
        Require.nonNull(green, "green");
        Require.nonNull(amber, "amber");
        Require.nonNegative(red, "red");
        Require.that(green.compareTo(BigDecimal.valueOf(100)) <= 0, "green", () -> "must be at most 100, was " + green);
        Require.that(amber.compareTo(green) <= 0, "amber", () -> "must not exceed the green points " + green + ", was " + amber);
        Require.that(red.compareTo(amber) <= 0, "red", () -> "must not exceed the amber points " + amber + ", was " + red);
    }

    /**
     * The points of a band.
     *
     * @param band the band
     * @return the points
     * @throws InvalidArgumentException when {@code band} is null
     */
    public BigDecimal points(Band band) {
        return switch (Require.nonNull(band, "band")) {
            case GREEN -> green;
            case AMBER -> amber;
            case RED -> red;
        };
    }
}
