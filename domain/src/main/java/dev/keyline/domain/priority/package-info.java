/**
 * Customer priority (客户优先级): key accounts ranked by a weighted score of revenue, profit and
 * growth from billing's facts, per period and segment, and the service priority that follows the rank.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.priority.AccountResultFact}: one append-only fact from billing;
 *       {@link dev.keyline.domain.priority.AccountResult}: an account's summed result with its growth
 *       against the {@link dev.keyline.domain.priority.GrowthBasis}.</li>
 *   <li>{@link dev.keyline.domain.priority.Ranking}: the weighted, min-max normalised score and the
 *       total order; {@link dev.keyline.domain.priority.RankingWeights}, segments by industry or
 *       product ({@link dev.keyline.domain.priority.Segment}).</li>
 *   <li>{@link dev.keyline.domain.priority.PriorityRanking}: the recorded, immutable ranking of one
 *       period and segment; its event implements {@link dev.keyline.domain.priority.PriorityRankingEvent}.</li>
 *   <li>{@link dev.keyline.domain.priority.ServiceTierTable}: the host's bands of ranks to service
 *       tiers, giving the work-order area its
 *       {@link dev.keyline.domain.workorder.ServicePriorityLookup}.</li>
 * </ul>
 *
 * <p>This package uses the shared kernel, the key-account area's id and the work-order area's
 * service-priority port; neither area uses this package.
 */
package dev.keyline.domain.priority;
