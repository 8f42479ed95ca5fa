/**
 * Key-account management (大客户管理): which customers of a local network (本地网) are key accounts,
 * at which tier, who serves them, their account plans, and churn warning and exit (客户预警和离网).
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.account.KeyAccount}: the key account aggregate with its profile,
 *       potential flags, tier (一级 local / 二级 national / potential / none) and tier history,
 *       account manager and virtual team, and lifecycle
 *       ({@link dev.keyline.domain.account.AccountStatus}).</li>
 *   <li>{@link dev.keyline.domain.account.SpendFact}: billing's append-only monthly spend facts;
 *       {@link dev.keyline.domain.account.EffectiveSpend} and
 *       {@link dev.keyline.domain.account.SpendAverages}: the spend they add up to.</li>
 *   <li>{@link dev.keyline.domain.account.RevenueShareRule} (30 % of the network's revenue) and
 *       {@link dev.keyline.domain.account.MonthlyMinimumRule} (Suzhou 5,000, Kunming 10,000 CNY a
 *       month): the classification rules; {@link dev.keyline.domain.account.NationalList},
 *       {@link dev.keyline.domain.account.PotentialCriteria}: tiers and potential key accounts;
 *       {@link dev.keyline.domain.account.Reclassification},
 *       {@link dev.keyline.domain.account.ReclassificationPolicy} and
 *       {@link dev.keyline.domain.account.ReclassificationPlan}: the half-yearly or yearly run.</li>
 *   <li>{@link dev.keyline.domain.account.AccountPlan}: the account plan (客户发展计划) with its
 *       revenue target, action plan and resource plan.</li>
 *   <li>{@link dev.keyline.domain.account.ChurnEvaluator} and its
 *       {@link dev.keyline.domain.account.ChurnRule}s: the churn warning loop.</li>
 *   <li>{@link dev.keyline.domain.account.KeyAccount#accessScope()} (and
 *       {@link dev.keyline.domain.account.AccountId#accessScope}): a key account's scope for the
 *       kernel's access rules ({@link dev.keyline.domain.common.Access}: who may change a key
 *       account, register it or assign its account manager); the account manager the stored
 *       account records is the one source of an account manager's access.
 *       {@link dev.keyline.domain.account.AccountAccess}: who may approve a manual tier
 *       override.</li>
 * </ul>
 *
 * <p>This package depends only on the kernel ({@code dev.keyline.domain.common}); the authority
 * area builds on it, through {@code AccountId}.
 */
package dev.keyline.domain.account;
