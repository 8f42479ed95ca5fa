package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the province fixes when it sets a budget's (预算) targets: whose budget for which fiscal year,
 * under which parent budget, the annual fund plan (the ceiling of the budget's total), the shares of
 * a line's amount at which an alert is raised, and the time zone that decides a document's month.
 *
 * @param unit the owning organisation unit
 * @param fiscalYear the fiscal year (a calendar year)
 * @param parent the budget of the unit above, whose lines this budget's lines draw on; null for a
 *     budget without a parent (always for the province)
 * @param fundPlan the annual fund plan: the sum of the lines' issued amounts never exceeds it
 * @param alertShares the shares of a line's issued amount at which {@link BudgetShareReached} is
 *     raised, each in (0, 10] with at most six decimals; kept ascending and distinct
 * @param zone the time zone of the fiscal year's months
 */
public record BudgetTargets(OrgUnit unit, int fiscalYear, BudgetId parent, Money fundPlan,
        List<BigDecimal> alertShares, ZoneId zone) {

    /** The alert shares when none are given: 80 % and 100 %. */
    public static final List<BigDecimal> DEFAULT_ALERT_SHARES = List.of(new BigDecimal("0.800000"),
            new BigDecimal("1.000000"));

    /** The time zone when none is given: China Standard Time. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final BigDecimal MAX_SHARE = BigDecimal.TEN;

    /**
     * Validates the targets and normalises the shares (stored scale, ascending, distinct).
     *
     * @param unit the owning organisation unit
     * @param fiscalYear the fiscal year (a calendar year)
     * @param parent the budget of the unit above, whose lines this budget's lines draw on; null for a budget without a parent (always for the province)
     * @param fundPlan the annual fund plan: the sum of the lines' issued amounts never exceeds it
     * @param alertShares the shares of a line's issued amount at which {@link BudgetShareReached} is raised, each in (0, 10] with at most six decimals; kept ascending and distinct
     * @param zone the time zone of the fiscal year's months
     * @throws InvalidArgumentException naming the component when one other than {@code parent} is
     *     null, the zone's id is longer than 64 characters, the province's budget has a parent, the year lies outside 1 to 9999, the fund plan
     *     is negative or too large, or a share is not in (0, 10]
     */
    public BudgetTargets {
        Require.nonNull(unit, "unit");
        Require.that(fiscalYear >= Limits.MIN_YEAR && fiscalYear <= Limits.MAX_YEAR, "fiscalYear",
                () -> "must lie in " + Limits.MIN_YEAR + " to " + Limits.MAX_YEAR + ", was " + fiscalYear);
        Limits.money(fundPlan, "fundPlan");
        Require.that(!fundPlan.isNegative(), "fundPlan", () -> "must not be negative, was " + fundPlan);
        List<BigDecimal> given = Require.nonNullElements(alertShares, "alertShares");
        TreeSet<BigDecimal> sorted = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            BigDecimal share = Limits.ratio(given.get(i), "alertShares[" + i + "]");
            Require.that(share.signum() > 0 && share.compareTo(MAX_SHARE) <= 0, "alertShares", i,
                    () -> "must lie in (0, 10], was " + share.toPlainString());
            sorted.add(share);
        }
        alertShares = List.copyOf(new ArrayList<>(sorted));
        Require.nonNull(zone, "zone");
        Require.that(zone.getId().length() <= Limits.ID_LENGTH, "zone", () -> "the time zone's id must be at most "
                + Limits.ID_LENGTH + " characters, was " + zone.getId().length());
        Require.that(parent == null || unit.level() != OrgLevel.PROVINCE, "parent",
                () -> "the province's budget has no parent budget, was " + parent);
    }

    /**
     * Targets with the default alert shares and time zone.
     *
     * @param unit the owning unit
     * @param fiscalYear the fiscal year
     * @param parent the parent budget, or null
     * @param fundPlan the annual fund plan
     * @return the targets
     */
    public static BudgetTargets of(OrgUnit unit, int fiscalYear, BudgetId parent, Money fundPlan) {
        return new BudgetTargets(unit, fiscalYear, parent, fundPlan, DEFAULT_ALERT_SHARES, DEFAULT_ZONE);
    }
}
