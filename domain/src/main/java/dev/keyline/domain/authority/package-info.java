/**
 * Access rules and commercial authorisation (商务授权): who may change which key account (大客户),
 * who may approve a manual tier override, and who may grant which price.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.common.Role} and {@link dev.keyline.domain.common.Actor}:
 *       the business roles (客户经理, 行业经理, 财务经理, 大客户部总经理, …) and a person holding them.</li>
 *   <li>{@link dev.keyline.domain.account.AccountAccess} over an
 *       {@link dev.keyline.domain.account.AccountScope}: the access scope of each role.</li>
 *   <li>{@link dev.keyline.domain.authority.AuthorityMatrix}: the maximum discount per role;
 *       {@link dev.keyline.domain.authority.FloorPriceList}: the floor prices (底价) set by the
 *       financial manager; {@link dev.keyline.domain.authority.PriceAuthorisation}: one request for
 *       a price, with its approvals.</li>
 * </ul>
 */
package dev.keyline.domain.authority;
