package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Industry;

/**
 * A customer of a local network as seen by the potential key-account assessment (潜在大客户评估):
 * its industry, the turnover and investment it is ranked by, and its flags.
 *
 * @param account the account
 * @param industry its industry
 * @param annualTurnover its yearly turnover, not negative
 * @param annualInvestment its yearly investment, not negative
 * @param flags its potential flags
 */
public record PotentialCandidate(AccountId account, Industry industry, Money annualTurnover, Money annualInvestment,
        PotentialFlags flags) {

    /**
     * Validates the candidate.
     *
     * @param account the account
     * @param industry its industry
     * @param annualTurnover its yearly turnover, not negative
     * @param annualInvestment its yearly investment, not negative
     * @param flags its potential flags
     */
    public PotentialCandidate {
        Require.nonNull(account, "account");
        Require.nonNull(industry, "industry");
        Require.nonNull(annualTurnover, "annualTurnover");
        Require.nonNegative(annualTurnover.amount(), "annualTurnover");
        Require.nonNull(annualInvestment, "annualInvestment");
        Require.nonNegative(annualInvestment.amount(), "annualInvestment");
        Require.nonNull(flags, "flags");
    }

    /**
     * The candidate a registered account presents.
     *
     * @param account the account's snapshot
     * @return its industry, profile figures and flags
     */
    public static PotentialCandidate of(KeyAccountSnapshot account) {
        Require.nonNull(account, "account");
        return new PotentialCandidate(account.id(), account.industry(), account.profile().annualTurnover(),
                account.profile().annualInvestment(), account.potential());
    }
}
