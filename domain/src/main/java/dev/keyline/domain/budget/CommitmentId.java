package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a document booked on a budget's commitment ledger: a purchase request, an order or an invoice, as the host numbers it; used once per budget.
 *
 * @param value the id text
 */
public record CommitmentId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code commitmentId} when the text is not a valid identifier
     */
    public CommitmentId {
        Identifier.check(value, "commitmentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
