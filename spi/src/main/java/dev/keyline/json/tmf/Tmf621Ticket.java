package dev.keyline.json.tmf;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultServiceClass;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.domain.workorder.FaultTransition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a TMF621 TroubleTicket written by Keyline keeps of a fault ticket, and so what reading it
 * back gives: {@link Tmf621#troubleTicket(FaultTicketSnapshot)} writes {@link #of(FaultTicketSnapshot)},
 * {@link Tmf621#readTroubleTicket(String)} reads it again. The Keyline state is folded onto the TMF
 * status ({@link Tmf621#status(FaultTicketState)}); the clocks' targets, pauses, warnings and
 * breaches are not kept.
 *
 * @param id the ticket's id
 * @param description what was reported
 * @param priority its priority
 * @param source who learnt of it first
 * @param account the key account
 * @param product the product whose service failed
 * @param serviceClass the service class, or null
 * @param status the TMF621 status
 * @param station the station last dispatched to, or null
 * @param cause the fault's cause, or null before the return
 * @param creationDate when it was reported
 * @param lastUpdate when it last moved
 * @param expectedResolutionDate the resolution deadline, or null when the resolution clock has none
 * @param resolutionDate when the repair was returned, or null
 * @param changes every move, oldest first, starting with the report
 */
public record Tmf621Ticket(FaultTicketId id, String description, FaultPriority priority, FaultSource source,
        AccountId account, ProductCode product, FaultServiceClass serviceClass, String status, FaultStation station,
        FaultCause cause, Instant creationDate, Instant lastUpdate, Instant expectedResolutionDate,
        Instant resolutionDate, List<Tmf621Change> changes) {

    /**
     * Validates the ticket and copies the changes.
     *
     * @param id the ticket's id
     * @param description what was reported
     * @param priority its priority
     * @param source who learnt of it first
     * @param account the key account
     * @param product the product whose service failed
     * @param serviceClass the service class, or null
     * @param status the TMF621 status
     * @param station the station last dispatched to, or null
     * @param cause the fault's cause, or null before the return
     * @param creationDate when it was reported
     * @param lastUpdate when it last moved
     * @param expectedResolutionDate the resolution deadline, or null when the resolution clock has none
     * @param resolutionDate when the repair was returned, or null
     * @param changes every move, oldest first, starting with the report
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when a
     *     required one is null or blank, the status is not a TMF621 status, or there is no change
     */
    public Tmf621Ticket {
        Require.nonNull(id, "id");
        Require.nonBlank(description, "description");
        Require.nonNull(priority, "priority");
        Require.nonNull(source, "source");
        Require.nonNull(account, "account");
        Require.nonNull(product, "product");
        Require.nonBlank(status, "status");
        Require.that(Tmf621.STATUSES.contains(status), "status", () -> "not a TMF621 status: " + status);
        Require.nonNull(creationDate, "creationDate");
        Require.nonNull(lastUpdate, "lastUpdate");
        changes = List.copyOf(Require.nonNullElements(changes, "changes"));
        Require.that(!changes.isEmpty(), "changes", "a ticket has at least its report");
    }

    /**
     * What Keyline keeps of a ticket in TMF621.
     *
     * @param ticket the stored form of a ticket
     * @return the kept fields
     * @throws dev.keyline.domain.common.InvalidArgumentException when the ticket is null
     */
    public static Tmf621Ticket of(FaultTicketSnapshot ticket) {
        Require.nonNull(ticket, "ticket");
        List<FaultTransition> log = ticket.log();
        FaultTransition report = log.get(0);
        FaultTransition last = log.get(log.size() - 1);
        Instant resolved = null;
        for (FaultTransition move : log) {
            if (move.to() == FaultTicketState.RETURNED) {
                resolved = move.at();
            }
        }
        List<Tmf621Change> changes = log.stream()
                .map(m -> new Tmf621Change(m.actedBy(), m.at(), Tmf621.status(m.to()), m.note()))
                .toList();
        Optional<Instant> deadline = ticket.resolution().deadlineIfAny();
        return new Tmf621Ticket(ticket.id(), report.note(), ticket.priority(), ticket.source(), ticket.account(),
                ticket.product(), ticket.serviceClass(), Tmf621.status(ticket.state()), ticket.station(), ticket.cause(),
                report.at(), last.at(), deadline.orElse(null), resolved, changes);
    }
}
