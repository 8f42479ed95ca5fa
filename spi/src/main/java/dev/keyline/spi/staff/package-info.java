/**
 * The storage ports of the HR interface: divisions' staffing and incentive ledgers. The common
 * rules of {@link dev.keyline.spi.account} hold for every port here too. A provider that stores
 * this area proves it with the compatibility kit's staff-area contracts.
 */
package dev.keyline.spi.staff;
