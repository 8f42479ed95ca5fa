package dev.keyline.domain.billing;

import dev.keyline.domain.common.Identifier;

/**
 * Billing's id of one bill.
 *
 * @param value the id text
 */
public record BillId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code billId} when the text is
     *     not a valid identifier
     */
    public BillId {
        Identifier.check(value, "billId");
    }

    @Override
    public String toString() {
        return value;
    }
}
