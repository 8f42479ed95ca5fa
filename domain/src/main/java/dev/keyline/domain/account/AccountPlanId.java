package dev.keyline.domain.account;

import dev.keyline.domain.common.Identifier;

/**
 * The id of an account plan (客户发展计划).
 *
 * @param value the id text
 */
public record AccountPlanId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     */
    public AccountPlanId {
        Identifier.check(value, "accountPlanId");
    }

    @Override
    public String toString() {
        return value;
    }
}
