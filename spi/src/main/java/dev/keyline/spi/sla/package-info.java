/**
 * The storage ports of the SLA area (服务水平协议): what a storage provider implements so that the
 * runtime can keep service-level agreements. The common rules of {@link dev.keyline.spi.account}
 * hold for every port here too. A provider that stores this area proves it with the compatibility
 * kit's SLA-area contracts.
 */
package dev.keyline.spi.sla;
