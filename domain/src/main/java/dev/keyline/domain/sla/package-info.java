/**
 * The service-level agreement (服务水平协议 SLA) between a marketing department and the network
 * centre (网络中心): the parties, the SLA period and its terms, agreed monthly volumes per product,
 * service classes A–E with their limits, amendments, the documents of the information flow,
 * binding reservations, and the monthly execution report and annual evaluation.
 *
 * <ul>
 *   <li>{@link dev.keyline.domain.sla.ServiceLevelAgreement}: the aggregate, with its lifecycle
 *       draft → signed → in force → expired or terminated;</li>
 *   <li>{@link dev.keyline.domain.sla.ServiceClassTable}: the host's service classes (days, price
 *       index, limit), seeded with the seed's defaults;</li>
 *   <li>{@link dev.keyline.domain.sla.SlaReports} and
 *       {@link dev.keyline.domain.sla.ForecastAccuracy}: pure functions over an SLA's records.</li>
 * </ul>
 *
 * <p>Who acts ({@link dev.keyline.domain.common.Actor}, {@link dev.keyline.domain.common.Role}),
 * products ({@link dev.keyline.domain.common.ProductCode}), money and the business calendar are the
 * shared kernel's; this package uses no other area. Binding reservations are the resources area's:
 * the SLA keeps a record of each one from that area's events, by its reference.
 */
package dev.keyline.domain.sla;
