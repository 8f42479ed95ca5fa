package dev.keyline.domain.budget;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * An event raised by a {@link CapexProject}; its aggregate id is the project's id and its type
 * starts with {@code budget.capex-}.
 */
public sealed interface CapexEvent extends DomainEvent permits CapexProjectProposed, CapexProjectAdvanced,
        CapexProjectApproved, CapexProjectAccepted, CapexAmountBooked, CapexProjectOverdue {

    /**
     * The project concerned.
     *
     * @return its id
     */
    CapexProjectId project();

    /**
     * The local network (本地网) that builds it.
     *
     * @return the network
     */
    LocalNetworkId network();

    @Override
    default String aggregateId() {
        return project().value();
    }
}
