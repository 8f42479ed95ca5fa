package dev.keyline.domain.priority;

import dev.keyline.domain.common.Identifier;

/**
 * The id billing gives one {@link AccountResultFact}; the same id sent twice is the same fact.
 *
 * @param value the id text
 */
public record AccountResultFactId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code factId} when the text
     *     is not a valid identifier
     */
    public AccountResultFactId {
        Identifier.check(value, "factId");
    }

    @Override
    public String toString() {
        return value;
    }
}
