/**
 * The storage ports of budgets (预算) and CAPEX projects: what a storage provider implements so that
 * the runtime can keep them. The common rules of {@link dev.keyline.spi.account} hold for every port
 * here too. A provider that stores this area proves it with the compatibility kit's budget-area
 * contracts.
 */
package dev.keyline.spi.budget;
