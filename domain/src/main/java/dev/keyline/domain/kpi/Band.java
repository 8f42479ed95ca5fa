package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * How a KPI value or a scorecard score stands against its target: green (on target), amber
 * (off target but within the red threshold) or red (beyond the red threshold). The constants are
 * declared from best to worst, so {@code compareTo} orders them by severity.
 */
public enum Band {

    /** On target (绿). */
    GREEN("绿"),

    /** Off target, not yet beyond the red threshold (黄). */
    AMBER("黄"),

    /** Beyond the red threshold (红). */
    RED("红");

    private final String seedTerm;

    Band(String seedTerm) {
        this.seedTerm = seedTerm;
    }

    /**
     * The band's Chinese name.
     *
     * @return the name, one character
     */
    public String seedTerm() {
        return seedTerm;
    }

    /**
     * Whether this band is worse than another.
     *
     * @param other the band to compare with
     * @return true when this band is more severe
     * @throws InvalidArgumentException when {@code other} is null
     */
    public boolean isWorseThan(Band other) {
        Require.nonNull(other, "other");
        return compareTo(other) > 0;
    }
}
