package dev.keyline.runtime.account;

import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.PotentialCriteria;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.common.Require;
import java.util.Optional;

/**
 * How one local network (本地网) draws its key-account list (大客户认定): the classification rule (a
 * share of the network's revenue, {@link RevenueShareRule}, or an absolute monthly minimum,
 * {@link MonthlyMinimumRule}), how often the list is redrawn and over which window
 * ({@link ReclassificationPolicy}), the group's national list (全国大客户名单) that makes a key
 * account level 2 (二级), and optionally the criteria for potential key accounts (潜在大客户).
 *
 * @param rule the classification rule
 * @param policy how often the list is redrawn; also gives the assessment window of a run
 * @param nationals the group's national key-account list
 * @param potentials the potential key-account criteria, or empty to assess no potentials
 */
public record ClassificationSettings(ClassificationRule rule, ReclassificationPolicy policy, NationalList nationals,
        Optional<PotentialCriteria> potentials) {

    /**
     * Validates the settings.
     *
     * @param rule the classification rule
     * @param policy how often the list is redrawn; also gives the assessment window of a run
     * @param nationals the group's national key-account list
     * @param potentials the potential key-account criteria, or empty to assess no potentials
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component that is null
     */
    public ClassificationSettings {
        Require.nonNull(rule, "rule");
        Require.nonNull(policy, "policy");
        Require.nonNull(nationals, "nationals");
        Require.nonNull(potentials, "potentials");
    }

    /**
     * Settings with an empty national list and no potential assessment.
     *
     * @param rule the classification rule
     * @param policy how often the list is redrawn
     * @return the settings
     */
    public static ClassificationSettings of(ClassificationRule rule, ReclassificationPolicy policy) {
        return new ClassificationSettings(rule, policy, NationalList.empty(), Optional.empty());
    }

    /**
     * These settings with another national list.
     *
     * @param list the group's national key-account list
     * @return new settings
     */
    public ClassificationSettings withNationals(NationalList list) {
        return new ClassificationSettings(rule, policy, Require.nonNull(list, "list"), potentials);
    }

    /**
     * These settings assessing potential key accounts with the given criteria.
     *
     * @param criteria the potential key-account criteria
     * @return new settings
     */
    public ClassificationSettings withPotentials(PotentialCriteria criteria) {
        return new ClassificationSettings(rule, policy, nationals, Optional.of(Require.nonNull(criteria, "criteria")));
    }
}
