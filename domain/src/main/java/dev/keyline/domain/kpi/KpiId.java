package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a KPI, stable across storage, the wire and the command line: lower-case words joined
 * by hyphens, such as {@code market-response-compliance}.
 *
 * @param value the id text
 */
public record KpiId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @throws InvalidArgumentException naming {@code kpiId} when the text is not a valid identifier
     *     or is not lower-case words joined by single hyphens
     */
    public KpiId {
        Identifier.check(value, "kpiId");
        if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidArgumentException("kpiId",
                    "must be lower-case letters and digits in words joined by single hyphens, but was '" + value + "'");
        }
    }

    /**
     * A KPI id.
     *
     * @param value the id text
     * @return the id
     * @throws InvalidArgumentException when the text is not a valid KPI id
     */
    public static KpiId of(String value) {
        return new KpiId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
