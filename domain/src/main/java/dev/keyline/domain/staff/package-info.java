/**
 * The HR interface (人力资源接口) of the key-account operations: what the other areas need to know
 * of the people, not a personnel system.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.staff.RoleCatalogue}: the nine sales and station roles (岗位), each
 *       with its duties (职责), required skills (技能要求) and the KPIs it is assessed on
 *       ({@link dev.keyline.domain.staff.RoleProfile}).</li>
 *   <li>{@link dev.keyline.domain.staff.DivisionStaffing}: the staffing (人员配备) of one industry
 *       division: headcount planned per role and the people assigned.</li>
 *   <li>{@link dev.keyline.domain.staff.IncentiveLedger}: an incentive table (激励) that maps a
 *       scorecard band to a factor, and every incentive calculated from a complete scorecard.</li>
 * </ul>
 *
 * <p>The area reads the KPI area's vocabulary ({@code KpiId}, {@code Band}, {@code ScorecardResult});
 * the KPI area never reads this one.
 */
package dev.keyline.domain.staff;
