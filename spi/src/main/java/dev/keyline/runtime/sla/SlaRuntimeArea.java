package dev.keyline.runtime.sla;

import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RuntimeArea;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.sla.SlaArea;
import java.util.List;

/**
 * The SLA area's part of the runtime: its reaction that records the resources area's binding
 * reservations on the SLA they are made against, and their release ({@link BindingReservations}).
 * Registered by default through {@link java.util.ServiceLoader}.
 */
public final class SlaRuntimeArea implements RuntimeArea {

    /** The area's runtime part; {@link java.util.ServiceLoader} calls this constructor. */
    public SlaRuntimeArea() {
    }

    @Override
    public String name() {
        return SlaArea.NAME;
    }

    @Override
    public List<Reaction> reactions(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        return List.of(BindingReservations.reaction(storage));
    }
}
