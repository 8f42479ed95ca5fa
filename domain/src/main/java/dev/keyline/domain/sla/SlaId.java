package dev.keyline.domain.sla;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * The id of a {@link ServiceLevelAgreement} (服务水平协议), for example {@code SLA-SZ-GROUP-2026}.
 *
 * @param value the id text
 */
public record SlaId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code slaId} when the text is not a valid identifier
     */
    public SlaId {
        Identifier.check(value, "slaId");
    }

    @Override
    public String toString() {
        return value;
    }
}
