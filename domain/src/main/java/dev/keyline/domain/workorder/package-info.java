/**
 * Work orders (工单): for now fault tickets (故障处理), after the seed's closed loop.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.workorder.FaultTicket}: one fault from report to closing, with its
 *       append-only transition log and two SLA clocks;</li>
 *   <li>{@link dev.keyline.domain.workorder.TicketClock}: a response or resolution clock counted
 *       in working time of the kernel's business calendar, with pause credit, warnings and
 *       breaches, and deadlines derived from its own log;</li>
 *   <li>{@link dev.keyline.domain.workorder.TicketClockPolicy}: the host's table of clock targets
 *       by priority and service class;</li>
 *   <li>{@link dev.keyline.domain.workorder.FaultStatistics}: the monthly statistics per product,
 *       station and cause.</li>
 * </ul>
 *
 * <p>Of the key-account area this package uses only its id, {@code AccountId}; who may move a
 * ticket is decided by the kernel's roles ({@link dev.keyline.domain.workorder.FaultTicketAccess}).
 */
package dev.keyline.domain.workorder;
