/**
 * Work orders (工单): provisioning orders (开通) and, later, fault tickets (故障处理).
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.workorder.StagePlan}: a provisioning order's plan, a DAG of
 *       {@link dev.keyline.domain.workorder.PlannedStage stages} with planned durations; its
 *       committed completion is the start plus the longest path, counted through a
 *       {@link dev.keyline.domain.common.BusinessCalendar}, and a stage is ready when all its
 *       predecessors are done, so independent stages run in parallel.</li>
 *   <li>{@link dev.keyline.domain.workorder.SeedProvisioningPlans}: the seed's cross-province DDN
 *       circuit, sequential (20 days) and parallel (5 days).</li>
 * </ul>
 */
package dev.keyline.domain.workorder;
