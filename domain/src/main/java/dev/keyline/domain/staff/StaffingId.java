package dev.keyline.domain.staff;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link DivisionStaffing}, for example {@code suzhou-finance}: one industry division
 * of one local network's key-account department.
 *
 * @param value the id text
 */
public record StaffingId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code staffingId} when the text is not a valid identifier
     */
    public StaffingId {
        Identifier.check(value, "staffingId");
    }

    @Override
    public String toString() {
        return value;
    }
}
