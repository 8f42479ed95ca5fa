package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The dated outcome of one key-account reclassification run (大客户重新认定) for one local network:
 * the key accounts with their tiers, and the potential key accounts. A value the persistence layer
 * stores; {@link ReclassificationPlan} turns it into tier changes.
 *
 * <p>Invariants: the window ends no later than the run date's month; key accounts are in ranking
 * order (average descending, then id), each at least the threshold, with a threshold whenever
 * there are key accounts; potentials are ordered by id; no account appears twice or in both lists.
 *
 * @param network the local network
 * @param runDate the date of the run
 * @param window the assessment window
 * @param rule the name of the classification rule
 * @param threshold the monthly minimum that applied, if any
 * @param keyAccounts the key accounts with their tiers
 * @param potentials the potential key accounts
 */
public record ClassificationResult(LocalNetworkId network, LocalDate runDate, AssessmentWindow window, String rule,
        Optional<Money> threshold, List<ClassifiedAccount> keyAccounts, List<PotentialAssessment> potentials) {

    private static final Comparator<ClassifiedAccount> RANKING = Comparator
            .comparing(ClassifiedAccount::averageMonthlySpend, Comparator.reverseOrder())
            .thenComparing(c -> c.account().value());

    /**
     * Validates and orders the result.
     *
     * @param network the local network
     * @param runDate the date of the run
     * @param window the assessment window
     * @param rule the name of the classification rule
     * @param threshold the monthly minimum that applied, if any
     * @param keyAccounts the key accounts with their tiers
     * @param potentials the potential key accounts
     */
    public ClassificationResult {
        Require.nonNull(network, "network");
        Require.nonNull(runDate, "runDate");
        Require.nonNull(window, "window");
        Limits.month(window.first(), "window");
        Limits.month(window.last(), "window");
        Require.that(!window.last().isAfter(YearMonth.from(runDate)), "window",
                () -> "must not end after the run date's month " + YearMonth.from(runDate) + ", ends " + window.last());
        Require.text(rule, "rule", Limits.RULE_NAME_LENGTH);
        Require.nonNull(threshold, "threshold");
        threshold.ifPresent(t -> Limits.money(t, "threshold"));
        List<ClassifiedAccount> keys = new ArrayList<>(Require.nonNullElements(keyAccounts, "keyAccounts"));
        keys.sort(RANKING);
        List<PotentialAssessment> pots = new ArrayList<>(Require.nonNullElements(potentials, "potentials"));
        pots.sort(Comparator.comparing(p -> p.account().value()));
        Require.that(keys.isEmpty() || threshold.isPresent(), "threshold", "must be present when there are key accounts");
        Set<AccountId> seen = new HashSet<>();
        for (ClassifiedAccount k : keys) {
            if (!seen.add(k.account())) {
                throw new InvalidArgumentException("keyAccounts", "account " + k.account() + " appears twice");
            }
            if (threshold.isPresent() && k.averageMonthlySpend().compareTo(threshold.get()) < 0) {
                throw new InvalidArgumentException("keyAccounts", "account " + k.account() + " is below the threshold");
            }
        }
        for (PotentialAssessment p : pots) {
            if (!seen.add(p.account())) {
                throw new InvalidArgumentException("potentials", "account " + p.account()
                        + " appears twice or is also a key account");
            }
        }
        keyAccounts = List.copyOf(keys);
        potentials = List.copyOf(pots);
    }

    /**
     * Assembles a result from a classification, the national list and the potential assessment.
     *
     * @param runDate the run date
     * @param window the assessment window
     * @param classification the key-account list
     * @param nationals the group's national list
     * @param potentials the potential key accounts
     * @return the result
     */
    public static ClassificationResult of(LocalDate runDate, AssessmentWindow window, Classification classification,
            NationalList nationals, List<PotentialAssessment> potentials) {
        Require.nonNull(classification, "classification");
        Require.nonNull(nationals, "nationals");
        List<ClassifiedAccount> keys = new ArrayList<>();
        for (RankedAccount r : classification.keyAccounts()) {
            keys.add(new ClassifiedAccount(r.account(), r.averageMonthlySpend(), nationals.tierOf(r.account())));
        }
        return new ClassificationResult(classification.network(), runDate, window, classification.rule(),
                classification.threshold(), keys, potentials);
    }

    /**
     * The tier the run gives an account: its key-account tier, {@link Tier#POTENTIAL}, or
     * {@link Tier#NONE} when it is on neither list.
     *
     * @param account the account
     * @return its tier
     */
    public Tier tierOf(AccountId account) {
        Require.nonNull(account, "account");
        for (ClassifiedAccount k : keyAccounts) {
            if (k.account().equals(account)) {
                return k.tier();
            }
        }
        for (PotentialAssessment p : potentials) {
            if (p.account().equals(account)) {
                return Tier.POTENTIAL;
            }
        }
        return Tier.NONE;
    }
}
