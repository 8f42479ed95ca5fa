package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The service priority a key account's work gets (服务优先级): its place in the queues and how much
 * its targets are tightened. The work-order area only reads it, through a
 * {@link ServicePriorityLookup} the host gives its services; where it comes from (for example the
 * customer-priority ranking) is none of the work-order area's business.
 *
 * <p>A provisioning order opened for the account has every planned stage duration multiplied by
 * {@link #provisioningFactor()}; a fault ticket reported for it has both clock targets multiplied by
 * {@link #faultFactor()}. A tightened duration is rounded up to the whole second (so a factor never
 * tightens by more than it says and a target never becomes zero). Queues list work of a lower
 * {@link #rank()} first; {@link #STANDARD} (unranked) comes last.
 *
 * @param tier the tier's name, for example {@code PLATINUM}; not blank, at most 64 characters
 * @param rank the account's position in the ranking the priority follows, 1 first;
 *     {@link #UNRANKED} for standard service
 * @param provisioningFactor the factor on provisioning stage durations, in (0, 1]
 * @param faultFactor the factor on fault-ticket clock targets, in (0, 1]
 */
public record ServicePriority(String tier, int rank, BigDecimal provisioningFactor, BigDecimal faultFactor) {

    /** The rank of work with standard service, after every ranked account. */
    public static final int UNRANKED = Integer.MAX_VALUE;

    /** The longest tier name. */
    public static final int MAX_TIER_LENGTH = 64;

    /** The name of the standard tier. */
    public static final String STANDARD_TIER = "STANDARD";

    /** Standard service: unranked, targets as planned. */
    public static final ServicePriority STANDARD = new ServicePriority(STANDARD_TIER, UNRANKED, BigDecimal.ONE, BigDecimal.ONE);

    /** Queue order: the lower rank first. */
    public static final Comparator<ServicePriority> QUEUE_ORDER = Comparator.comparingInt(ServicePriority::rank);

    /**
     * Validates the priority.
     *
     * @param tier the tier's name, for example {@code PLATINUM}; not blank, at most 64 characters
     * @param rank the account's position in the ranking the priority follows, 1 first; {@link #UNRANKED} for standard service
     * @param provisioningFactor the factor on provisioning stage durations, in (0, 1]
     * @param faultFactor the factor on fault-ticket clock targets, in (0, 1]
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when the tier
     *     is blank or too long, the rank is below 1, or a factor is null or outside (0, 1]
     */
    public ServicePriority {
        Require.text(tier, "tier", MAX_TIER_LENGTH);
        Require.that(rank >= 1, "rank", () -> "must be at least 1, was " + rank);
        checkFactor(provisioningFactor, "provisioningFactor");
        checkFactor(faultFactor, "faultFactor");
    }

    private static void checkFactor(BigDecimal factor, String name) {
        Require.nonNull(factor, name);
        Require.that(factor.signum() > 0 && factor.compareTo(BigDecimal.ONE) <= 0, name,
                () -> "must lie in (0, 1] but was " + factor.toPlainString());
    }

    /**
     * Whether the account is ranked, that is not standard service.
     *
     * @return true when {@link #rank()} is not {@link #UNRANKED}
     */
    public boolean isRanked() {
        return rank != UNRANKED;
    }

    /**
     * The plan with every stage's duration multiplied by {@link #provisioningFactor()}, rounded up
     * to the whole second; the stages and their order stay as they are.
     *
     * @param plan the plan
     * @return the tightened plan; {@code plan} itself when the factor is 1
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code plan} is null
     */
    public StagePlan tighten(StagePlan plan) {
        Require.nonNull(plan, "plan");
        if (provisioningFactor.compareTo(BigDecimal.ONE) == 0) {
            return plan;
        }
        List<PlannedStage> stages = new ArrayList<>(plan.stages().size());
        for (PlannedStage s : plan.stages()) {
            stages.add(new PlannedStage(s.id(), scale(s.duration(), provisioningFactor), s.after()));
        }
        return StagePlan.of(stages);
    }

    /**
     * The clock policy with every target (by priority and by service class) multiplied by
     * {@link #faultFactor()}, rounded up to the whole second; the warning share stays.
     *
     * @param policy the policy
     * @return the tightened policy; {@code policy} itself when the factor is 1
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code policy} is null
     */
    public TicketClockPolicy tighten(TicketClockPolicy policy) {
        Require.nonNull(policy, "policy");
        if (faultFactor.compareTo(BigDecimal.ONE) == 0) {
            return policy;
        }
        Map<FaultPriority, TicketClockTargets> byPriority = new EnumMap<>(FaultPriority.class);
        policy.byPriority().forEach((p, t) -> byPriority.put(p, tighten(t)));
        Map<FaultServiceClass, TicketClockTargets> byClass = new EnumMap<>(FaultServiceClass.class);
        policy.byServiceClass().forEach((c, t) -> byClass.put(c, tighten(t)));
        return new TicketClockPolicy(byPriority, byClass, policy.warningShare());
    }

    /**
     * The targets multiplied by {@link #faultFactor()}, rounded up to the whole second.
     *
     * @param targets the targets
     * @return the tightened targets
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code targets} is null
     */
    public TicketClockTargets tighten(TicketClockTargets targets) {
        Require.nonNull(targets, "targets");
        return new TicketClockTargets(scale(targets.response(), faultFactor), scale(targets.resolution(), faultFactor));
    }

    /**
     * A duration multiplied by a factor in (0, 1], rounded up to the whole second.
     *
     * @param duration a positive duration
     * @param factor the factor
     * @return the scaled duration, at least one second
     */
    static Duration scale(Duration duration, BigDecimal factor) {
        BigDecimal nanos = BigDecimal.valueOf(duration.toNanos()).multiply(factor);
        long seconds = nanos.divide(BigDecimal.valueOf(1_000_000_000L), 0, RoundingMode.CEILING).longValueExact();
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    @Override
    public String toString() {
        return tier + (isRanked() ? " (rank " + rank + ")" : "");
    }
}
