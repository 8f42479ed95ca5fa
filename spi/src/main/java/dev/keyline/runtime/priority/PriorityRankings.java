package dev.keyline.runtime.priority;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.priority.AccountResult;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.PriorityRankingSnapshot;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.priority.ServiceTierTable;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.priority.AccountResultRepository;
import dev.keyline.spi.priority.PriorityRankingRepository;

import java.util.List;
import java.util.Optional;

/**
 * Customer priority through the runtime: billing's result facts in, a ranking per period and
 * segment out, and the service priorities the work-order services follow. Every command follows
 * {@link ServiceSteps}, in one transaction; a refused command changes nothing.
 *
 * <p><b>Who may do what.</b>
 * <ul>
 *   <li>record a result fact (the billing interface): a {@link Role#FINANCIAL_MANAGER} or
 *       {@link Role#IT_SUPPORT};</li>
 *   <li>record a period's ranking: a {@link Role#MARKET_ANALYST}, a
 *       {@link Role#DEPARTMENT_GENERAL_MANAGER} or a {@link Role#GENERAL_MANAGER};</li>
 *   <li>read rankings and service priorities: anyone the host lets call the service.</li>
 * </ul>
 * Anyone else is refused with {@link NotAuthorisedException}.
 *
 * <p>Typical use, once a period's facts are in:
 * <pre>{@code
 * PriorityRankings priority = PriorityRankings.on(keyline);
 * priority.rank(analyst, Period.quarter(2026, 1), Segment.all(), weights, GrowthBasis.SAME_PERIOD_LAST_YEAR);
 * ProvisioningOrders orders = ProvisioningOrders.on(keyline).withPriorities(priority.latestServicePriorities(tiers));
 * }</pre>
 * Immutable and thread-safe.
 */
public final class PriorityRankings {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final AccountResultRepository results;
    private final PriorityRankingRepository rankings;

    private PriorityRankings(Keyline keyline) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.results = keyline.storage().port(AccountResultRepository.class);
        this.rankings = keyline.storage().port(PriorityRankingRepository.class);
    }

    /**
     * The service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the priority area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the priority area
     */
    public static PriorityRankings on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new PriorityRankings(keyline);
    }

    /**
     * Records one of billing's facts; idempotent by fact id, also when several callers record the
     * same fact at once (the one whose insert the database refused reads again and sees it stored).
     *
     * @param actor a financial manager or IT support, who run the billing interface
     * @param fact the fact
     * @return true when it was stored, false when the same fact was stored already
     * @throws NotAuthorisedException when the actor may not
     * @throws dev.keyline.domain.common.AlreadyExistsException when its id is stored with other content
     * @throws InvalidStateException when it names another industry than the account's other facts of the period
     */
    public boolean recordResult(Actor actor, AccountResultFact fact) {
        Require.nonNull(actor, "actor");
        Require.nonNull(fact, "fact");
        try {
            return appendResult(actor, fact);
        } catch (dev.keyline.domain.common.AlreadyExistsException e) {
            // a concurrent caller may have stored the same fact between this one's check and its insert,
            // so the database refused the insert; read again: the same fact is reported as stored already,
            // one with other content is refused as before
            return appendResult(actor, fact);
        }
    }

    private boolean appendResult(Actor actor, AccountResultFact fact) {
        return keyline.execute(ctx -> {
            if (!actor.hasRole(Role.FINANCIAL_MANAGER) && !actor.hasRole(Role.IT_SUPPORT)) {
                throw new NotAuthorisedException(actor + " may not record account result fact " + fact.id()
                        + ": only a financial manager or IT support may");
            }
            return results.append(fact);
        });
    }

    /**
     * Ranks a period's accounts in a segment from the facts recorded and records the ranking;
     * raises {@code priority.ranking-recorded}. The growth is measured against the basis's period.
     *
     * @param actor a market analyst, department general manager or general manager
     * @param period the period
     * @param segment the segment
     * @param weights the weights
     * @param basis what growth is measured against
     * @return the recorded ranking
     * @throws NotAuthorisedException when the actor may not
     * @throws InvalidStateException when the segment has no facts in the period
     * @throws dev.keyline.domain.common.AlreadyExistsException when the period and segment are ranked already
     */
    public PriorityRankingSnapshot rank(Actor actor, Period period, Segment segment, RankingWeights weights,
            GrowthBasis basis) {
        Require.nonNull(actor, "actor");
        Require.nonNull(period, "period");
        Require.nonNull(segment, "segment");
        Require.nonNull(weights, "weights");
        Require.nonNull(basis, "basis");
        return steps.create(rankings, ctx -> {
            if (!actor.hasRole(Role.MARKET_ANALYST) && !actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER)
                    && !actor.hasRole(Role.GENERAL_MANAGER)) {
                throw new NotAuthorisedException(actor + " may not rank the key accounts of " + period
                        + ": only a market analyst, a department general manager or a general manager may");
            }
            List<AccountResult> summed = AccountResult.summarise(results.inPeriod(period),
                    results.inPeriod(basis.baseOf(period)), segment);
            if (summed.isEmpty()) {
                throw new InvalidStateException("no account result facts in " + period + " for segment " + segment
                        + ": nothing to rank");
            }
            return PriorityRanking.record(period, segment, weights, basis, summed, ctx.now());
        }, PriorityRanking::snapshot);
    }

    /**
     * The ranking of a period and segment.
     *
     * @param period the period
     * @param segment the segment
     * @return the ranking, or empty when it was not recorded
     */
    public Optional<PriorityRankingSnapshot> find(Period period, Segment segment) {
        Require.nonNull(period, "period");
        Require.nonNull(segment, "segment");
        return steps.query(() -> rankings.find(PriorityRankingId.of(period, segment)).map(PriorityRanking::snapshot));
    }

    /**
     * The history of a segment's rankings.
     *
     * @param segment the segment
     * @return the rankings, earliest period first
     */
    public List<PriorityRankingSnapshot> history(Segment segment) {
        Require.nonNull(segment, "segment");
        return steps.query(() -> rankings.history(segment).stream().map(PriorityRanking::snapshot).toList());
    }

    /**
     * The service priorities following the ranking of a period and segment, for
     * {@code ProvisioningOrders.withPriorities} and {@code FaultTickets.withPriorities}.
     *
     * @param tiers the host's rank-to-tier table
     * @param period the period
     * @param segment the segment
     * @return the lookup, holding what it needs in memory
     * @throws NotFoundException when the period and segment were not ranked
     */
    public ServicePriorityLookup servicePriorities(ServiceTierTable tiers, Period period, Segment segment) {
        Require.nonNull(tiers, "tiers");
        Require.nonNull(period, "period");
        Require.nonNull(segment, "segment");
        return tiers.lookup(steps.query(() -> rankings.get(PriorityRankingId.of(period, segment))));
    }

    /**
     * The service priorities following the latest ranking of all key accounts; standard service for
     * everyone while no ranking of all accounts was recorded. A host refreshes its work-order services
     * with it after each period's ranking.
     *
     * @param tiers the host's rank-to-tier table
     * @return the lookup, holding what it needs in memory
     */
    public ServicePriorityLookup latestServicePriorities(ServiceTierTable tiers) {
        Require.nonNull(tiers, "tiers");
        return steps.query(() -> rankings.latest(Segment.all())).map(tiers::lookup).orElseGet(ServicePriorityLookup::standard);
    }
}
