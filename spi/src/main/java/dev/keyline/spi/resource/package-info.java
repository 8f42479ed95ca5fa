/**
 * The storage ports of the network-resource area (资源调配), {@link dev.keyline.spi.resource.ResourceArea}:
 * what a storage provider implements so that the runtime can keep resource pools, their movement
 * logs and reservations. The common rules of {@link dev.keyline.spi.account} hold for every port
 * here too. A provider that stores this area proves it with the compatibility kit's resource-area
 * contracts.
 */
package dev.keyline.spi.resource;
