package dev.keyline.domain.resource;

import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.Require;

/**
 * Retiring capacity was refused because too few of the pool's units are free: the rest are held
 * (reserved, allocated or cooling). Nothing was changed.
 */
public final class CapacityHeldException extends InsufficientCapacityException {

    private static final long serialVersionUID = 1L;

    /** How many units of the pool were held when retiring was refused. */
    private final long held;

    /**
     * @param message what was refused
     * @param held how many units of the pool are held
     */
    public CapacityHeldException(String message, long held) {
        super(Require.nonBlank(message, "message"));
        this.held = Require.nonNegative(held, "held");
    }

    /**
     * How many units of the pool were held when retiring was refused.
     *
     * @return the held units
     */
    public long held() {
        return held;
    }
}
