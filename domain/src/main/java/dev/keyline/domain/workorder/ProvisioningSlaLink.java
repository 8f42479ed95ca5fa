package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.time.Instant;

/**
 * The SLA order a provisioning order was accepted under: the SLA area's order reference and the
 * time its service class commits provisioning by. Areas meet only through ids and events, so the
 * reference is a validated identifier text, not a type of the SLA area.
 *
 * @param slaOrder the SLA area's order reference (letters, digits and {@code - _ . :})
 * @param committedBy when the SLA class commits the circuit to be provisioned
 */
public record ProvisioningSlaLink(String slaOrder, Instant committedBy) {

    /**
     * Validates the link.
     *
     * @param slaOrder the SLA area's order reference (letters, digits and {@code - _ . :})
     * @param committedBy when the SLA class commits the circuit to be provisioned
     * @throws InvalidArgumentException naming {@code slaOrder} when it is not a valid identifier, or
     *     {@code committedBy} when it is null
     */
    public ProvisioningSlaLink {
        Identifier.check(slaOrder, "slaOrder");
        Require.nonNull(committedBy, "committedBy");
    }
}
