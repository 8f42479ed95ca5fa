/**
 * TM Forum Open API documents for the work-order area: fault tickets as TMF621 TroubleTicket
 * (v4.0.0) and provisioning orders as TMF641 ServiceOrder (v4.1.0). Documents are written and read
 * as Jackson trees, so that every field Keyline writes is one the specification defines and every
 * field it reads is checked by name: an unknown, unsupported, missing or ill-typed field is refused
 * with a {@link dev.keyline.domain.common.MalformedInputException} naming it. The mapping tables are
 * in the fault-ticket and work-order guides.
 */
package dev.keyline.json.tmf;
