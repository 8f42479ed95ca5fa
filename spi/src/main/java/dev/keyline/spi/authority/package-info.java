/**
 * The storage ports of commercial authorisation (商务授权): what a storage provider implements so
 * that the runtime can keep price authorisations and floor price lists. The common rules of
 * {@link dev.keyline.spi.account} hold for every port here too. A provider that stores this area
 * proves it with the compatibility kit's authority-area contracts.
 */
package dev.keyline.spi.authority;
