package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * What kind of network resource a pool holds, counted in whole units: a code, not an enum, so a
 * host adds its own types (for example {@code new ResourceType("ATM_VC")}) without a Keyline
 * release. The constants are the types the seed names.
 *
 * @param value the type's code: letters, digits and {@code - _ . :}, at most 64 characters
 */
public record ResourceType(String value) implements Identifier {

    /** DDN (digital data network) ports. */
    public static final ResourceType DDN_PORT = new ResourceType("DDN_PORT");
    /** E1 circuits (2 Mbit/s). */
    public static final ResourceType E1_CIRCUIT = new ResourceType("E1_CIRCUIT");
    /** Bandwidth, one unit per Mbit/s. */
    public static final ResourceType BANDWIDTH_MBPS = new ResourceType("BANDWIDTH_MBPS");
    /** Network elements leased to customers (网元租赁). */
    public static final ResourceType LEASED_ELEMENT = new ResourceType("LEASED_ELEMENT");

    /**
     * Validates the code.
     *
     * @param value the type's code: letters, digits and {@code - _ . :}, at most 64 characters
     * @throws InvalidArgumentException naming {@code resourceType} when the code is not a valid identifier
     */
    public ResourceType {
        Identifier.check(value, "resourceType");
    }

    @Override
    public String toString() {
        return value;
    }
}
