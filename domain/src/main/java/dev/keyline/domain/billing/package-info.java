/**
 * Billing and credit (计费帐务与信用): the parts of the billing interface that the key-account
 * processes need. Rating and invoicing stay with the billing systems.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.billing.BillingAccount}: the billing side of one key account, its
 *       bill preferences ({@link dev.keyline.domain.billing.BillPreferences}, validated by the rules of
 *       {@link dev.keyline.domain.billing.BillPreferenceRule}, with the history of changes) and its
 *       credit profile (rating, limit, arrears by age band); its events implement
 *       {@link dev.keyline.domain.billing.BillingEvent}.</li>
 *   <li>{@link dev.keyline.domain.billing.ArrearsFact}: billing's append-only stream of bills,
 *       payments and write-offs; {@link dev.keyline.domain.billing.ArrearsFold} folds it into
 *       {@link dev.keyline.domain.billing.ArrearsAgeing} (arrears as of a date by
 *       {@link dev.keyline.domain.billing.AgeBands}) and into the arrears-rate inputs of a period
 *       ({@link dev.keyline.domain.billing.ArrearsRateInput}).</li>
 * </ul>
 *
 * <p>This package uses the shared kernel and the key-account area's {@code AccountId}; the
 * key-account area does not know billing.
 */
package dev.keyline.domain.billing;
