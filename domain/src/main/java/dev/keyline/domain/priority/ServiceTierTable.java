package dev.keyline.domain.priority;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's table from a key account's rank to its service priority (服务优先级跟随客户优先级):
 * bands of ranks, each with a tier and the factors on its provisioning and fault targets; ranks
 * after the last band, and accounts not ranked, get {@link ServicePriority#STANDARD}.
 *
 * <p>Validated on creation: the bands start at rank 1 and are contiguous (each starts right after
 * the one before), tier names are distinct and not {@value ServicePriority#STANDARD_TIER}, and a
 * later band is never tighter than an earlier one (its factors are not smaller), so a better rank
 * never gets looser targets.
 *
 * @param bands the bands, in rank order; may be empty (everyone standard)
 */
public record ServiceTierTable(List<ServiceTierBand> bands) {

    /** The most bands a table holds. */
    public static final int MAX_BANDS = 100;

    /**
     * Validates and copies the table.
     *
     * @param bands the bands, in rank order; may be empty (everyone standard)
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code bands} when it is null,
     *     holds null or too many bands, does not start at rank 1, has a gap or an overlap, repeats a
     *     tier, uses the standard tier's name or gets tighter further down
     */
    public ServiceTierTable {
        bands = Require.nonNullElements(bands, "bands");
        if (bands.size() > MAX_BANDS) {
            throw new InvalidArgumentException("bands", "must hold at most " + MAX_BANDS + " bands, held "
                    + bands.size());
        }
        Set<String> tiers = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            ServiceTierBand b = bands.get(i);
            int expectedFrom = i == 0 ? 1 : bands.get(i - 1).toRank() + 1;
            Require.that(b.fromRank() == expectedFrom, "bands", () -> "must be contiguous from rank 1: band " + b.tier()
                    + " starts at rank " + b.fromRank() + " but the next rank is " + expectedFrom);
            Require.that(!b.tier().equals(ServicePriority.STANDARD_TIER), "bands",
                    () -> "must not name the tier " + ServicePriority.STANDARD_TIER + ", which is for ranks after the last band");
            Require.that(tiers.add(b.tier()), "bands", () -> "name the tier " + b.tier() + " twice");
            if (i > 0) {
                ServiceTierBand before = bands.get(i - 1);
                Require.that(b.provisioningFactor().compareTo(before.provisioningFactor()) >= 0
                        && b.faultFactor().compareTo(before.faultFactor()) >= 0, "bands",
                        () -> "must not get tighter for worse ranks: band " + b.tier() + " is tighter than " + before.tier());
            }
        }
    }

    /**
     * The table of the given bands.
     *
     * @param bands the bands in rank order
     * @return the table
     * @throws dev.keyline.domain.common.InvalidArgumentException as the constructor
     */
    public static ServiceTierTable of(ServiceTierBand... bands) {
        Require.nonNull(bands, "bands");
        return new ServiceTierTable(Arrays.asList(bands));
    }

    /**
     * The service priority of a rank.
     *
     * @param rank the rank, at least 1
     * @return the priority of the band covering it, with that rank; {@link ServicePriority#STANDARD}
     *     after the last band
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code rank} is below 1
     */
    public ServicePriority priorityAt(int rank) {
        Require.that(rank >= 1, "rank", () -> "must be at least 1, was " + rank);
        for (ServiceTierBand b : bands) {
            if (b.covers(rank)) {
                return new ServicePriority(b.tier(), rank, b.provisioningFactor(), b.faultFactor());
            }
        }
        return ServicePriority.STANDARD;
    }

    /**
     * The lookup the work-order services use, following a recorded ranking: an account gets the
     * priority of its rank, an account not in the ranking standard service. The lookup holds what it
     * needs in memory.
     *
     * @param ranking the ranking to follow, usually the latest period's ranking of all accounts
     * @return the lookup
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code ranking} is null
     */
    public ServicePriorityLookup lookup(PriorityRanking ranking) {
        Require.nonNull(ranking, "ranking");
        Map<AccountId, ServicePriority> byAccount = new HashMap<>();
        for (RankedAccount e : ranking.entries()) {
            byAccount.put(e.account(), priorityAt(e.rank()));
        }
        return account -> byAccount.getOrDefault(Require.nonNull(account, "account"), ServicePriority.STANDARD);
    }
}
