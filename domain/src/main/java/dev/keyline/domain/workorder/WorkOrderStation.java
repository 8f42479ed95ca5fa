package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;

/**
 * A station (工位): the team responsible for one stage of a work order, for example the far-end
 * provincial transmission station.
 *
 * @param value the station's code
 */
public record WorkOrderStation(String value) implements Identifier {

    /**
     * Validates the code.
     *
     * @param value the station's code
     * @throws InvalidArgumentException naming {@code station} when the text is not a valid identifier
     */
    public WorkOrderStation {
        Identifier.check(value, "station");
    }

    @Override
    public String toString() {
        return value;
    }
}
