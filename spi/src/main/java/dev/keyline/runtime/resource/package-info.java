/**
 * The network-resource area run through the runtime: {@link dev.keyline.runtime.resource.ResourcePools}
 * for pools, reservations, allocation, expiry and utilisation, and the area's reactions
 * ({@link dev.keyline.runtime.resource.ResourceRuntimeArea}): releasing an exiting key account's
 * units, and expiring a reservation when its expiry timer falls due.
 */
package dev.keyline.runtime.resource;
