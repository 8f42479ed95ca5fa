package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;

/**
 * A station (工位 / 维护站) a fault ticket is dispatched to for repair, by the host's code for it, for example {@code SZ-TRANS-1}.
 *
 * @param value the station code text
 */
public record FaultStation(String value) implements Identifier {

    /**
     * Validates the station code.
     *
     * @param value the station code text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code station} when the text is
     *     not a valid identifier
     */
    public FaultStation {
        Identifier.check(value, "station");
    }

    @Override
    public String toString() {
        return value;
    }
}
