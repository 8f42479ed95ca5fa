/**
 * The key-account area (大客户管理) run through the runtime: the application services a host calls.
 *
 * <ul>
 *   <li>{@link dev.keyline.runtime.account.KeyAccounts}: registering and serving key accounts,
 *       billing's spend facts, reclassification runs, manual tier overrides, the churn warning
 *       loop and exit;</li>
 *   <li>{@link dev.keyline.runtime.account.AccountPlans}: account plans (客户发展计划) and their
 *       progress.</li>
 * </ul>
 *
 * <p>Each is obtained from a {@link dev.keyline.runtime.Keyline} with {@code on(keyline)}. Every
 * command takes the {@link dev.keyline.domain.common.Actor} who issues it, checks access before
 * it changes anything, runs in one transaction, saves with the version check and writes the events
 * it raised to the outbox; a refused command changes nothing and writes no event.
 */
package dev.keyline.runtime.account;
