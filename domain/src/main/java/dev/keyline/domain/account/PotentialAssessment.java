package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import java.util.EnumSet;
import java.util.List;
import dev.keyline.domain.common.Industry;

/**
 * The finding that a customer is a potential key account (潜在大客户), with every criterion it met.
 *
 * @param account the account
 * @param industry its industry
 * @param criteria the criteria met, not empty, in the order of {@link PotentialCriterion}
 * @param explanation a human-readable explanation with the numbers, not blank
 */
public record PotentialAssessment(AccountId account, Industry industry, List<PotentialCriterion> criteria,
        String explanation) {

    /**
     * Validates the assessment; criteria are de-duplicated and ordered.
     *
     * @param account the account
     * @param industry its industry
     * @param criteria the criteria met, not empty, in the order of {@link PotentialCriterion}
     * @param explanation a human-readable explanation with the numbers, not blank
     */
    public PotentialAssessment {
        Require.nonNull(account, "account");
        Require.nonNull(industry, "industry");
        List<PotentialCriterion> given = Require.nonNullElements(criteria, "criteria");
        Require.that(!given.isEmpty(), "criteria", "must not be empty");
        criteria = List.copyOf(EnumSet.copyOf(given));
        Require.text(explanation, "explanation");
    }

    /**
     * Whether the assessment met a criterion.
     *
     * @param criterion the criterion
     * @return true when met
     */
    public boolean met(PotentialCriterion criterion) {
        return criteria.contains(Require.nonNull(criterion, "criterion"));
    }
}
