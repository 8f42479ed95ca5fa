package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * One key-account reclassification run (大客户重新认定) for one local network, as a pure function:
 * average the spend over the window, draw the key-account list with the rule, split it into level 1
 * (一级, local) and level 2 (二级, national) by the group's national list, and assess the potential
 * key accounts (潜在大客户).
 */
public final class Reclassification {

    private Reclassification() {
    }

    /**
     * Runs the classification of one network, potentials included.
     *
     * @param network the local network
     * @param runDate the run date
     * @param window the assessment window
     * @param facts billing's spend facts (other networks' facts are ignored but checked)
     * @param rule the classification rule
     * @param nationals the group's national list
     * @param criteria the potential key-account criteria
     * @param candidates the network's customers for the potential assessment; must include every key account
     * @return the dated result
     */
    public static ClassificationResult run(LocalNetworkId network, LocalDate runDate, AssessmentWindow window,
            Collection<SpendFact> facts, ClassificationRule rule, NationalList nationals, PotentialCriteria criteria,
            Collection<PotentialCandidate> candidates) {
        Require.nonNull(criteria, "criteria");
        Require.nonNull(candidates, "candidates");
        Classification classification = classify(network, window, facts, rule);
        List<PotentialAssessment> potentials = criteria.assess(classification, candidates);
        return ClassificationResult.of(runDate, window, classification, Require.nonNull(nationals, "nationals"), potentials);
    }

    /**
     * Runs the classification of one network without a potential assessment.
     *
     * @param network the local network
     * @param runDate the run date
     * @param window the assessment window
     * @param facts billing's spend facts
     * @param rule the classification rule
     * @param nationals the group's national list
     * @return the dated result, with no potentials
     */
    public static ClassificationResult run(LocalNetworkId network, LocalDate runDate, AssessmentWindow window,
            Collection<SpendFact> facts, ClassificationRule rule, NationalList nationals) {
        Classification classification = classify(network, window, facts, rule);
        return ClassificationResult.of(runDate, window, classification, Require.nonNull(nationals, "nationals"), List.of());
    }

    private static Classification classify(LocalNetworkId network, AssessmentWindow window, Collection<SpendFact> facts,
            ClassificationRule rule) {
        Require.nonNull(network, "network");
        Require.nonNull(window, "window");
        Require.nonNull(rule, "rule");
        Map<AccountId, Money> averages = SpendAverages.byNetwork(facts, window.months()).getOrDefault(network, Map.of());
        return rule.classify(network, averages);
    }
}
