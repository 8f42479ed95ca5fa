/**
 * Work orders (工单): provisioning orders (开通) and fault tickets (故障处理), after the seed's
 * closed loops.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.workorder.StagePlan}: a provisioning order's plan, a DAG of
 *       {@link dev.keyline.domain.workorder.PlannedStage stages} with planned durations; its
 *       committed completion is the start plus the longest path, counted through a
 *       {@link dev.keyline.domain.common.BusinessCalendar}, and a stage is ready when all its
 *       predecessors are done, so independent stages run in parallel.</li>
 *   <li>{@link dev.keyline.domain.workorder.SeedProvisioningPlans}: the seed's cross-province DDN
 *       circuit, sequential (20 days) and parallel (5 days).</li>
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
