package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.ProductCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link FaultTicket}. Built by {@link FaultTicket#snapshot()} or by a
 * storage provider from its rows; it is not validated here, {@link FaultTicket#restore} does that.
 *
 * @param id the ticket's id
 * @param version the stored version
 * @param account the key account whose service failed
 * @param product the product whose service failed
 * @param source who learnt of the fault first
 * @param priority its priority
 * @param serviceClass its service class, or null
 * @param state the current state
 * @param station the station it was last dispatched to, or null
 * @param cause the fault's cause recorded on return, or null
 * @param log the transition log, oldest first, starting with the report
 * @param response the response clock
 * @param resolution the resolution clock
 */
public record FaultTicketSnapshot(FaultTicketId id, long version, AccountId account, ProductCode product,
        FaultSource source, FaultPriority priority, FaultServiceClass serviceClass, FaultTicketState state,
        FaultStation station, FaultCause cause, List<FaultTransition> log, TicketClock response,
        TicketClock resolution) {

    /**
     * Copies the log into an unmodifiable list (keeping any null, for restore to reject).
     *
     * @param id the ticket's id
     * @param version the stored version
     * @param account the key account whose service failed
     * @param product the product whose service failed
     * @param source who learnt of the fault first
     * @param priority its priority
     * @param serviceClass its service class, or null
     * @param state the current state
     * @param station the station it was last dispatched to, or null
     * @param cause the fault's cause recorded on return, or null
     * @param log the transition log, oldest first, starting with the report
     * @param response the response clock
     * @param resolution the resolution clock
     */
    public FaultTicketSnapshot {
        log = log == null ? null : Collections.unmodifiableList(new ArrayList<>(log));
    }
}
