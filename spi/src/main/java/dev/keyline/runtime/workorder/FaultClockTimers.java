package dev.keyline.runtime.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.FaultClockAlertDue;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.FaultTicketRepository;
import java.util.Optional;

/**
 * The reaction that records a fault clock's warning or breach when its outbox timer falls due
 * ({@code fault-ticket.clock-alert-due}). It judges the ticket as stored at the runtime's time: it
 * records what is due then ({@link FaultTicket#recordDueAlerts}), so a clock since paused before
 * the instant, stopped, recomputed to a later instant or already alerted, and a ticket that does
 * not exist change nothing, and a timer delivered twice records nothing twice.
 */
public final class FaultClockTimers {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "fault-ticket.clock-alert-timers";

    private FaultClockTimers() {
    }

    /**
     * The reaction over a storage provider that stores the work-order area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store fault tickets
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        FaultTicketRepository tickets = storage.port(FaultTicketRepository.class);
        return Reaction.of(REACTION, (event, context) -> {
            if (!(event instanceof FaultClockAlertDue due)) {
                throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                        + event.type() + "'");
            }
            Optional<FaultTicket> found = tickets.find(due.ticket());
            if (found.isEmpty()) {
                return;
            }
            FaultTicket ticket = found.get();
            if (!ticket.recordDueAlerts(context.now()).isEmpty()) {
                FaultTickets.scheduleClockTimers(ticket, context);
                context.save(tickets, ticket);
            }
        }, FaultClockAlertDue.TYPE);
    }
}
