package dev.keyline.domain.account;

import dev.keyline.domain.common.Identifier;

/**
 * The id billing gave one monthly spend fact (月消费记录).
 *
 * @param value the id text
 */
public record SpendFactId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     */
    public SpendFactId {
        Identifier.check(value, "spendFactId");
    }

    @Override
    public String toString() {
        return value;
    }
}
