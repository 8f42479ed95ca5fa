package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a KPI (考核), stable across storage, the wire and the command line. The catalogue's ids are
 * lower-case English words joined by hyphens, such as {@code market-response-compliance}; a host's
 * own KPIs may use any identifier text.
 *
 * @param value the id text
 */
public record KpiId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code kpiId} when the text is not a valid identifier
     */
    public KpiId {
        Identifier.check(value, "kpiId");
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
