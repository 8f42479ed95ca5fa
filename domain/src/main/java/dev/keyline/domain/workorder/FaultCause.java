package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;

/**
 * Why a fault (故障) happened, as the host's cause code, for example {@code FIBRE-CUT}, {@code POWER} or {@code CPE}; set when the repaired fault is returned and counted by the monthly statistics.
 *
 * @param value the cause code text
 */
public record FaultCause(String value) implements Identifier {

    /**
     * Validates the cause code.
     *
     * @param value the cause code text
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code cause} when the text is
     *     not a valid identifier
     */
    public FaultCause {
        Identifier.check(value, "cause");
    }

    @Override
    public String toString() {
        return value;
    }
}
