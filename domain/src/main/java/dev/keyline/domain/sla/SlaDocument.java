package dev.keyline.domain.sla;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A document of the SLA's (服务水平协议) information flow, as recorded.
 *
 * @param kind what it is; its sender is {@code kind.sender()}
 * @param reference the document's reference (for example the fault ticket), chosen by the sender
 * @param product the product it concerns
 * @param text what it says, free text
 * @param recordedBy who sent it
 * @param recordedAt when
 */
public record SlaDocument(SlaDocumentKind kind, String reference, ProductCode product, String text, UserId recordedBy,
        Instant recordedAt) {

    /**
     * Validates the document.
     *
     * @param kind what it is; its sender is {@code kind.sender()}
     * @param reference the document's reference (for example the fault ticket), chosen by the sender
     * @param product the product it concerns
     * @param text what it says, free text
     * @param recordedBy who sent it
     * @param recordedAt when
     * @throws InvalidArgumentException naming the component when one is null, the reference is not
     *     a valid identifier or the text is blank or too long
     */
    public SlaDocument {
        Require.nonNull(kind, "kind");
        Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.text(text, "text");
        Require.nonNull(recordedBy, "recordedBy");
        Require.nonNull(recordedAt, "recordedAt");
    }
}
