/**
 * The work-order area run through the runtime: {@link dev.keyline.runtime.workorder.ProvisioningOrders},
 * provisioning orders with their alert sweep, and {@link dev.keyline.runtime.workorder.FaultTickets},
 * fault tickets from report to closing with their clocks' sweep. Commands follow the shared
 * {@link dev.keyline.runtime.ServiceSteps}.
 */
package dev.keyline.runtime.workorder;
