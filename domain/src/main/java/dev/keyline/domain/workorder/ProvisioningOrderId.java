package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link ProvisioningOrder} (开通工单).
 *
 * @param value the id text
 */
public record ProvisioningOrderId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code provisioningOrderId} when the text is not a valid identifier
     */
    public ProvisioningOrderId {
        Identifier.check(value, "provisioningOrderId");
    }

    @Override
    public String toString() {
        return value;
    }
}
