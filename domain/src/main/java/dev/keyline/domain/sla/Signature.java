package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One party's signature on an SLA.
 *
 * @param party the party that signed
 * @param signedBy who signed for it
 * @param signedAt when
 */
public record Signature(SlaParty party, UserId signedBy, Instant signedAt) {

    /**
     * Validates the signature.
     *
     * @param party the party that signed
     * @param signedBy who signed for it
     * @param signedAt when
     * @throws InvalidArgumentException naming the component when one is null
     */
    public Signature {
        Require.nonNull(party, "party");
        Require.nonNull(signedBy, "signedBy");
        Require.nonNull(signedAt, "signedAt");
    }
}
