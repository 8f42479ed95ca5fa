package dev.keyline.runtime.budget;

import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.InvestmentKind;
import dev.keyline.domain.resource.InvestmentRequested;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.budget.CapexProjectRepository;

/**
 * The reaction that turns an investment request of the resources area ({@code resource.investment-requested})
 * into a proposed CAPEX project: the request's event id is the project's {@link CapexRequestRef}, the
 * project's id is {@code CAPEX-} and that id, its kind is the request's (EMERGENCY when an order waits,
 * ROLLING otherwise), it is built by the pool's local network, and the capacity it is to build is the
 * shortfall in the pool. The budget area reads only the resources area's ids and that event.
 *
 * <p>It runs on the relay in its own transaction, once per event (the relay's receipt), and is
 * idempotent by state as well: a request that already has its project proposes nothing again, so a
 * request delivered twice makes one project.
 */
public final class InvestmentProposals {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "budget.investment-request";

    private InvestmentProposals() {
    }

    /**
     * The reaction over a storage provider that stores the budget area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store the budget area's CAPEX projects
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        CapexProjectRepository projects = storage.port(CapexProjectRepository.class);
        return Reaction.of(REACTION, (event, context) -> apply(projects, event, context), InvestmentRequested.TYPE);
    }

    /**
     * The request behind an investment request event: its event id.
     *
     * @param requested the event
     * @return the request's id
     */
    public static CapexRequestRef requestOf(InvestmentRequested requested) {
        Require.nonNull(requested, "requested");
        return new CapexRequestRef(requested.eventId().value().toString());
    }

    /**
     * The id of the project proposed for a request.
     *
     * @param request the request
     * @return {@code CAPEX-} and the request's id
     */
    public static CapexProjectId projectFor(CapexRequestRef request) {
        Require.nonNull(request, "request");
        return new CapexProjectId("CAPEX-" + request.value());
    }

    private static void apply(CapexProjectRepository projects, DomainEvent event, CommandContext context) {
        if (!(event instanceof InvestmentRequested requested)) {
            throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                    + event.type() + "'");
        }
        CapexRequestRef request = requestOf(requested);
        CapexProjects.proposeFor(projects, context, request, projectFor(request), kindOf(requested.kind()),
                requested.location().network(), new CapexCapacity(requested.pool().value(),
                        requested.resourceType().value(), requested.shortfall()), requested.reason());
    }

    private static CapexKind kindOf(InvestmentKind kind) {
        return switch (kind) {
            case ROLLING -> CapexKind.ROLLING;
            case EMERGENCY -> CapexKind.EMERGENCY;
        };
    }
}
