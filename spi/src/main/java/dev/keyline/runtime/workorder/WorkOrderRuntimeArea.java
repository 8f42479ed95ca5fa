package dev.keyline.runtime.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RuntimeArea;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.WorkOrderArea;
import java.util.List;

/**
 * The work-order area's part of the runtime: its reactions that raise a stage's warning or
 * escalation ({@link StageAlertTimers}) and record a fault clock's warning or breach
 * ({@link FaultClockTimers}) when their outbox timers fall due. Registered by default through
 * {@link java.util.ServiceLoader}.
 */
public final class WorkOrderRuntimeArea implements RuntimeArea {

    /** The area's runtime part; {@link java.util.ServiceLoader} calls this constructor. */
    public WorkOrderRuntimeArea() {
    }

    @Override
    public String name() {
        return WorkOrderArea.NAME;
    }

    @Override
    public List<Reaction> reactions(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        return List.of(StageAlertTimers.reaction(storage), FaultClockTimers.reaction(storage));
    }
}
