/**
 * The storage ports of the work-order area (工单): what a storage provider implements so that the
 * runtime can keep provisioning orders and fault tickets, with the queries their KPIs and timers
 * need. The common rules of {@link dev.keyline.spi.account} hold for every port here too. A provider
 * that stores this area proves it with the compatibility kit's work-order contracts.
 */
package dev.keyline.spi.workorder;
