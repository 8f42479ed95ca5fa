/**
 * The SLA area (服务水平协议) run through the runtime:
 * {@link dev.keyline.runtime.sla.ServiceLevelAgreements} drafts, signs and approves SLAs, takes orders
 * in service classes, amendments, completions, documents and binding reservation records, and
 * issues the reports. Commands follow the shared {@link dev.keyline.runtime.ServiceSteps}.
 */
package dev.keyline.runtime.sla;
