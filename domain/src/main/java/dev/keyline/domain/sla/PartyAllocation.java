package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * The amount allocated to one party by a cost split, or one settlement between departments.
 *
 * @param party the party's name: not blank, at most {@value Limits#NAME_LENGTH} characters
 * @param amount the party's amount
 */
public record PartyAllocation(String party, Money amount) {

    /**
     * Validates the allocation.
     *
     * @param party the party's name: not blank, at most {@value Limits#NAME_LENGTH} characters
     * @param amount the party's amount
     * @throws InvalidArgumentException naming {@code party} or {@code amount} when either is null,
     *     or {@code party} when it is blank or too long
     */
    public PartyAllocation {
        Require.text(party, "party", Limits.NAME_LENGTH);
        Require.nonNull(amount, "amount");
    }
}
