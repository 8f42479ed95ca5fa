/**
 * Network resources (资源调配): resource pools of a type at a location, reservations (预占) made
 * for an order or an SLA, allocation to key accounts and release, capacity changes, cool-down, and
 * utilisation.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.resource.ResourcePool}: the units of one pool and every active
 *       holding of them, the one place where "no unit held twice" is decided.</li>
 *   <li>{@link dev.keyline.domain.resource.Reservation}: one reservation's lifecycle after TMF685,
 *       changed only together with its pool.</li>
 *   <li>{@link dev.keyline.domain.resource.Utilisation}: allocated over capacity, at an instant and
 *       time-weighted over a period, from the pool's movement log.</li>
 * </ul>
 *
 * <p>Of the key-account area this package uses only its id, {@code AccountId}: a holding names the
 * key account that holds it, and the runtime releases an exiting account's units when its
 * {@code account.exited} event arrives.
 */
package dev.keyline.domain.resource;
