package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import dev.keyline.domain.common.Industry;

/**
 * The criteria for potential key accounts (潜在大客户标准), and the assessment that applies them.
 *
 * <p><b>Precise rule.</b> A customer that is not a key account of the classification is a potential
 * key account when it meets at least one criterion:
 * <ol>
 *   <li>{@link PotentialCriterion#INDUSTRY_LEADER}: its industry's share of key-account revenue (the
 *       key accounts' summed average monthly spend in that industry / all key accounts' summed
 *       average monthly spend) is strictly above {@code minimumIndustryShare}, the industry has a
 *       cut-off rank, and the customer's rank in its industry by annual turnover or by annual
 *       investment is within the cut-off. Ranks are counted among all candidates of the industry
 *       (key accounts included), 1 + the number of candidates with a strictly greater figure, so
 *       equal figures share a rank; a zero figure never ranks.</li>
 *   <li>{@link PotentialCriterion#PARTY_GOVERNMENT_MILITARY}: it is a Party, government or military body.</li>
 *   <li>{@link PotentialCriterion#INFLUENCER}: it has an influencer kind.</li>
 *   <li>{@link PotentialCriterion#MANUAL_DESIGNATION}: it was designated by hand with a reason.</li>
 * </ol>
 *
 * @param minimumIndustryShare the industry share of key-account revenue to exceed, in [0, 1); the
 *     seed's figure is 0.05
 * @param cutOffRanks per industry, the highest rank that still counts (positive); industries
 *     without an entry never qualify under criterion 1
 */
public record PotentialCriteria(BigDecimal minimumIndustryShare, Map<Industry, Integer> cutOffRanks) {

    /** The seed's industry share, 5 %. */
    public static final BigDecimal STANDARD_INDUSTRY_SHARE = new BigDecimal("0.05");

    /**
     * Validates the criteria.
     *
     * @param minimumIndustryShare the industry share of key-account revenue to exceed, in [0, 1); the seed's figure is 0.05
     * @param cutOffRanks per industry, the highest rank that still counts (positive); industries without an entry never qualify under criterion 1
     */
    public PotentialCriteria {
        Require.nonNegative(minimumIndustryShare, "minimumIndustryShare");
        Require.that(minimumIndustryShare.compareTo(BigDecimal.ONE) < 0, "minimumIndustryShare",
                () -> "must be below 1, was " + minimumIndustryShare.toPlainString());
        Require.nonNull(cutOffRanks, "cutOffRanks");
        Map<Industry, Integer> copy = new EnumMap<>(Industry.class);
        cutOffRanks.forEach((industry, rank) -> {
            Require.nonNull(industry, "cutOffRanks key");
            Require.nonNull(rank, "cutOffRanks", industry);
            Require.positive(rank, "cutOffRanks", industry);
            copy.put(industry, rank);
        });
        cutOffRanks = Collections.unmodifiableMap(copy);
    }

    /**
     * The criteria with the seed's 5 % industry share and the given cut-off ranks.
     *
     * @param cutOffRanks per industry, the highest rank that still counts
     * @return the criteria
     */
    public static PotentialCriteria withCutOffs(Map<Industry, Integer> cutOffRanks) {
        return new PotentialCriteria(STANDARD_INDUSTRY_SHARE, cutOffRanks);
    }

    /**
     * Each industry's share of key-account revenue, to 6 decimals (half-even); industries without
     * key accounts are absent, and the map is empty when the key accounts spend nothing.
     *
     * @param keyAccounts the key-account list
     * @param candidates the network's customers; must include every key account (for its industry)
     * @return share per industry
     */
    public Map<Industry, BigDecimal> industryShares(Classification keyAccounts, Collection<PotentialCandidate> candidates) {
        Map<Industry, BigDecimal> revenue = industryRevenue(keyAccounts, index(candidates));
        BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Industry, BigDecimal> shares = new EnumMap<>(Industry.class);
        if (total.signum() > 0) {
            revenue.forEach((industry, sum) -> shares.put(industry, sum.divide(total, 6, RoundingMode.HALF_EVEN)));
        }
        return Collections.unmodifiableMap(shares);
    }

    /**
     * Assesses every candidate that is not a key account.
     *
     * @param keyAccounts the key-account list of the network
     * @param candidates the network's customers, each once; must include every key account
     * @return the potential key accounts, ordered by account id
     * @throws InvalidArgumentException when a candidate appears twice or a key account is missing
     */
    public List<PotentialAssessment> assess(Classification keyAccounts, Collection<PotentialCandidate> candidates) {
        Map<AccountId, PotentialCandidate> byAccount = index(candidates);
        Map<Industry, BigDecimal> revenue = industryRevenue(Require.nonNull(keyAccounts, "keyAccounts"), byAccount);
        BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal bar = minimumIndustryShare.multiply(total);

        List<PotentialCandidate> ordered = new ArrayList<>(byAccount.values());
        ordered.sort(Comparator.comparing(c -> c.account().value()));
        Map<Industry, BigDecimal[]> turnovers = sortedFigures(ordered, PotentialCandidate::annualTurnover);
        Map<Industry, BigDecimal[]> investments = sortedFigures(ordered, PotentialCandidate::annualInvestment);
        Set<AccountId> keyIds = keyAccounts.keyAccountIds();
        List<PotentialAssessment> result = new ArrayList<>();
        for (PotentialCandidate c : ordered) {
            if (keyIds.contains(c.account())) {
                continue;
            }
            List<PotentialCriterion> met = new ArrayList<>();
            List<String> why = new ArrayList<>();
            BigDecimal industryRevenue = revenue.getOrDefault(c.industry(), BigDecimal.ZERO);
            Integer cutOff = cutOffRanks.get(c.industry());
            if (total.signum() > 0 && industryRevenue.compareTo(bar) > 0 && cutOff != null) {
                int byTurnover = rank(c, turnovers, PotentialCandidate::annualTurnover);
                int byInvestment = rank(c, investments, PotentialCandidate::annualInvestment);
                if ((byTurnover > 0 && byTurnover <= cutOff) || (byInvestment > 0 && byInvestment <= cutOff)) {
                    met.add(PotentialCriterion.INDUSTRY_LEADER);
                    why.add("ranks " + describe(byTurnover) + " by turnover and " + describe(byInvestment)
                            + " by investment in " + c.industry() + " (cut-off " + cutOff + "), an industry with "
                            + industryRevenue.divide(total, 4, RoundingMode.HALF_EVEN).movePointRight(2).stripTrailingZeros().toPlainString()
                            + " % of key-account revenue");
                }
            }
            if (c.flags().partyGovernmentMilitary()) {
                met.add(PotentialCriterion.PARTY_GOVERNMENT_MILITARY);
                why.add("Party, government or military body");
            }
            c.flags().influencer().ifPresent(kind -> {
                met.add(PotentialCriterion.INFLUENCER);
                why.add("influencer: " + kind);
            });
            c.flags().designationReason().ifPresent(reason -> {
                met.add(PotentialCriterion.MANUAL_DESIGNATION);
                why.add("designated: " + reason);
            });
            if (!met.isEmpty()) {
                result.add(new PotentialAssessment(c.account(), c.industry(), met, String.join("; ", why)));
            }
        }
        return List.copyOf(result);
    }

    private static String describe(int rank) {
        return rank == 0 ? "unranked" : "#" + rank;
    }

    /** Per industry, the figures of all its candidates in ascending order. */
    private static Map<Industry, BigDecimal[]> sortedFigures(List<PotentialCandidate> all, Function<PotentialCandidate, Money> figure) {
        Map<Industry, List<BigDecimal>> lists = new EnumMap<>(Industry.class);
        for (PotentialCandidate c : all) {
            lists.computeIfAbsent(c.industry(), i -> new ArrayList<>()).add(figure.apply(c).amount());
        }
        Map<Industry, BigDecimal[]> sorted = new EnumMap<>(Industry.class);
        lists.forEach((industry, figures) -> {
            BigDecimal[] array = figures.toArray(new BigDecimal[0]);
            Arrays.sort(array);
            sorted.put(industry, array);
        });
        return sorted;
    }

    /** 1 + candidates of the same industry with a strictly greater figure; 0 for a zero figure. */
    private static int rank(PotentialCandidate c, Map<Industry, BigDecimal[]> sorted, Function<PotentialCandidate, Money> figure) {
        BigDecimal own = figure.apply(c).amount();
        if (own.signum() == 0) {
            return 0;
        }
        BigDecimal[] figures = sorted.get(c.industry());
        int low = 0;
        int high = figures.length;
        while (low < high) { // first index whose figure is greater than own
            int mid = (low + high) >>> 1;
            if (figures[mid].compareTo(own) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return figures.length - low + 1;
    }

    private static Map<AccountId, PotentialCandidate> index(Collection<PotentialCandidate> candidates) {
        Map<AccountId, PotentialCandidate> byAccount = new HashMap<>();
        for (PotentialCandidate c : Require.nonNullElements(candidates, "candidates")) {
            if (byAccount.putIfAbsent(c.account(), c) != null) {
                throw new InvalidArgumentException("candidates", "account " + c.account() + " appears twice");
            }
        }
        return byAccount;
    }

    private static Map<Industry, BigDecimal> industryRevenue(Classification keyAccounts, Map<AccountId, PotentialCandidate> byAccount) {
        Require.nonNull(keyAccounts, "keyAccounts");
        Map<Industry, BigDecimal> revenue = new EnumMap<>(Industry.class);
        for (RankedAccount r : keyAccounts.keyAccounts()) {
            PotentialCandidate c = byAccount.get(r.account());
            if (c == null) {
                throw new InvalidArgumentException("candidates", "key account " + r.account()
                        + " is missing; every key account must be a candidate so its industry is known");
            }
            revenue.merge(c.industry(), r.averageMonthlySpend().amount(), BigDecimal::add);
        }
        return revenue;
    }
}
