package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The lines in service at a period's end, as CAPEX per line divides by them. No area of Keyline
 * stores lines in service: the host counts them (from its inventory of circuits) and gives the
 * count to the computation, which adds it to the lines of the {@link CapexFact}s.
 *
 * @param lines the lines in service at the period's end, not negative
 */
public record LinesInServiceFact(long lines) {

    /**
     * Validates the fact.
     *
     * @param lines the lines in service at the period's end, not negative
     * @throws InvalidArgumentException when the lines are negative
     */
    public LinesInServiceFact {
        Require.nonNegative(lines, "lines");
    }
}
