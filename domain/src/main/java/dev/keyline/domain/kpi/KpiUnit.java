package dev.keyline.domain.kpi;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The organisation unit a KPI is owned by or a scorecard assesses: a department, a centre, a
 * station or a local network, named by the same ids the budgets' organisation units use
 * (for example {@code suzhou-network-centre}).
 *
 * @param value the id text
 */
public record KpiUnit(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code unit} when the text is not a valid identifier
     */
    public KpiUnit {
        Identifier.check(value, "unit");
    }

    @Override
    public String toString() {
        return value;
    }
}
