/**
 * Commercial authorisation (商务授权): who may grant which price.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.authority.AuthorityMatrix}: the maximum discount per role;
 *       {@link dev.keyline.domain.authority.FloorPriceList}: the floor prices (底价) set by the
 *       financial manager; {@link dev.keyline.domain.authority.PriceAuthorisation}: one request for
 *       a price, with its approvals.</li>
 * </ul>
 *
 * <p>Who acts ({@link dev.keyline.domain.common.Actor}, {@link dev.keyline.domain.common.Role}) is
 * the shared kernel's; who may change a key account is the key-account area's access rules. Of that
 * area this package uses only its id, {@code AccountId}.
 */
package dev.keyline.domain.authority;
