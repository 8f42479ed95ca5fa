package dev.keyline.domain.staff;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of an {@link IncentiveLedger}, for example {@code suzhou-key-accounts}: the
 * organisation unit whose incentives it records.
 *
 * @param value the id text
 */
public record IncentiveLedgerId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code incentiveLedgerId} when the text is not a valid identifier
     */
    public IncentiveLedgerId {
        Identifier.check(value, "incentiveLedgerId");
    }

    @Override
    public String toString() {
        return value;
    }
}
