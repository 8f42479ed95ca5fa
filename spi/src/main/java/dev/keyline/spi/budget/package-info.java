/**
 * The storage ports of the budget area: what a storage provider implements so that the runtime can
 * keep CAPEX projects. The common rules of {@link dev.keyline.spi.account} hold for every port here
 * too. A provider that stores this area proves it with the compatibility kit's budget-area contracts.
 */
package dev.keyline.spi.budget;
