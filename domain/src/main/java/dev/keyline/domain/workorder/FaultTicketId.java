package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;

/**
 * The id of a {@link FaultTicket}, one fault (故障) from report to closing.
 *
 * @param value the id text
 */
public record FaultTicketId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code faultTicketId} when the text is
     *     not a valid identifier
     */
    public FaultTicketId {
        Identifier.check(value, "faultTicketId");
    }

    @Override
    public String toString() {
        return value;
    }
}
