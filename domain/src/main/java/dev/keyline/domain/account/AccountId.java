package dev.keyline.domain.account;

import dev.keyline.domain.common.Identifier;

/**
 * The id of a key account (大客户), the customer's id in the host's customer register.
 *
 * @param value the id text
 */
public record AccountId(String value) implements Identifier {

    /** Validates the id. */
    public AccountId {
        Identifier.check(value, "accountId");
    }

    @Override
    public String toString() {
        return value;
    }
}
