/**
 * Billing and credit (计费帐务与信用) run through the runtime:
 * {@link dev.keyline.runtime.billing.BillingAccounts}, bill preferences, credit profiles and
 * billing's arrears facts; {@link dev.keyline.runtime.billing.CreditWarnings}, the path by which
 * billing's arrears reach the key-account area's churn warning rules. Commands follow the shared
 * {@link dev.keyline.runtime.ServiceSteps}. This package uses the key-account area (its ids,
 * access scopes and churn warnings); the key-account area does not know billing.
 */
package dev.keyline.runtime.billing;
