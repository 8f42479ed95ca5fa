/**
 * The storage ports of the key-account area (大客户管理), {@link dev.keyline.spi.account.AccountArea}:
 * what a storage provider implements so that the runtime can keep key accounts, billing's spend
 * facts, classification results and account plans.
 *
 * <p>Common rules of every port in this package:
 * <ul>
 *   <li>Every method must be called inside a transaction of the same provider's
 *       {@link dev.keyline.spi.Transactions} and throws
 *       {@link dev.keyline.domain.common.InvalidStateException} otherwise. What a method writes
 *       commits or rolls back with that transaction.</li>
 *   <li>Every argument is required: null (or an empty range, where a range is asked for) fails
 *       with {@link dev.keyline.domain.common.InvalidArgumentException} naming the argument.</li>
 *   <li>A call that is rejected writes nothing.</li>
 *   <li>Aggregates are handed out freshly restored through their static {@code restore(...)},
 *       which validates the stored state again; a stored state that fails validation is reported
 *       as {@link dev.keyline.domain.common.CorruptStateException}, never trusted.</li>
 *   <li>Methods returning a {@link java.util.stream.Stream} read lazily: the stream must be
 *       consumed inside the transaction that opened it and closed by the caller, best with
 *       try-with-resources, because a database provider holds a cursor open until then (at the
 *       latest until the transaction ends). Methods returning a {@link java.util.List} read
 *       collections that stay small (one account's records, one network's runs).</li>
 *   <li>Where results are ordered by an identifier, the order is that of the identifier's text in
 *       the provider: code-point order in memory, the column's collation in a database. Identifiers
 *       of one length made of upper-case letters and digits sort the same everywhere.</li>
 * </ul>
 *
 * <p>A provider that does not store this area need not implement these ports:
 * {@link dev.keyline.spi.StorageProvider#port(Class)} says so with a
 * {@link dev.keyline.domain.common.KeylineException} of reason
 * {@link dev.keyline.domain.common.ReasonCode#CONFIGURATION}. A provider that does proves it with
 * the compatibility kit's account-area contracts.
 */
package dev.keyline.spi.account;
