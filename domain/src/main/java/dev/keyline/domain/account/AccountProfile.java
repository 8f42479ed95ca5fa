package dev.keyline.domain.account;

import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;

/**
 * The characteristics of a key account (大客户特征) the seed lists: number of branches, turnover
 * and its growth, share of white-collar staff, whether it leases private circuits or network
 * elements, years of business with the operator and the company's own customer count. The
 * annual investment is kept beside the turnover because potential key accounts are ranked by
 * either.
 *
 * @param branches number of branches (分支机构), not negative
 * @param annualTurnover yearly turnover (营业额), not negative
 * @param turnoverGrowth turnover growth as a ratio (0.12 = 12 %), at least -1
 * @param annualInvestment yearly investment (投资额), not negative
 * @param whiteCollarShare share of white-collar staff (白领比例) as a ratio in [0, 1]
 * @param leasesPrivateCircuits whether it leases private circuits (专线) from the operator
 * @param leasesNetworkElements whether it leases network elements (网元) from the operator
 * @param yearsWithOperator years of business with the operator, not negative
 * @param ownCustomerCount the company's own customer count, not negative
 */
public record AccountProfile(
        int branches,
        Money annualTurnover,
        BigDecimal turnoverGrowth,
        Money annualInvestment,
        BigDecimal whiteCollarShare,
        boolean leasesPrivateCircuits,
        boolean leasesNetworkElements,
        int yearsWithOperator,
        long ownCustomerCount) {

    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

    /**
     * Validates the profile.
     *
     * @param branches number of branches (分支机构), not negative
     * @param annualTurnover yearly turnover (营业额), not negative
     * @param turnoverGrowth turnover growth as a ratio (0.12 = 12 %), at least -1
     * @param annualInvestment yearly investment (投资额), not negative
     * @param whiteCollarShare share of white-collar staff (白领比例) as a ratio in [0, 1]
     * @param leasesPrivateCircuits whether it leases private circuits (专线) from the operator
     * @param leasesNetworkElements whether it leases network elements (网元) from the operator
     * @param yearsWithOperator years of business with the operator, not negative
     * @param ownCustomerCount the company's own customer count, not negative
     */
    public AccountProfile {
        Require.nonNegative(branches, "branches");
        Limits.money(annualTurnover, "annualTurnover");
        Require.nonNegative(annualTurnover.amount(), "annualTurnover");
        BigDecimal growth = Limits.ratio(turnoverGrowth, "turnoverGrowth");
        Require.that(growth.compareTo(MINUS_ONE) >= 0, "turnoverGrowth",
                () -> "must be at least -1 (a fall of 100 %), was " + growth.toPlainString());
        turnoverGrowth = growth;
        Limits.money(annualInvestment, "annualInvestment");
        Require.nonNegative(annualInvestment.amount(), "annualInvestment");
        Require.nonNegative(whiteCollarShare, "whiteCollarShare");
        BigDecimal share = Limits.ratio(whiteCollarShare, "whiteCollarShare");
        Require.that(share.compareTo(BigDecimal.ONE) <= 0, "whiteCollarShare",
                () -> "must be at most 1, was " + share.toPlainString());
        whiteCollarShare = share;
        Require.nonNegative(yearsWithOperator, "yearsWithOperator");
        Require.nonNegative(ownCustomerCount, "ownCustomerCount");
    }

    /** {@return a profile with nothing known yet: every number zero, nothing leased} */
    public static AccountProfile blank() {
        return new AccountProfile(0, Money.zero(), BigDecimal.ZERO, Money.zero(), BigDecimal.ZERO, false, false, 0, 0);
    }
}
