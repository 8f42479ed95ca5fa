/**
 * The storage ports of the KPI area (考核): where a period's facts come from
 * ({@link dev.keyline.spi.kpi.KpiFactSource}, read from the other areas' stored state) and, in a
 * provider that can, how a period's computed KPIs are summed in the store itself. The common rules
 * of {@link dev.keyline.spi.account} hold for every port here too. A provider that stores this area
 * proves it with the compatibility kit's KPI contracts.
 */
package dev.keyline.spi.kpi;
