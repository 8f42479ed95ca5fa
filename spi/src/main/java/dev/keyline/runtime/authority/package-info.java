/**
 * Commercial authorisation (商务授权) run through the runtime:
 * {@link dev.keyline.runtime.authority.PriceAuthorisations}, floor prices (底价) and price requests
 * with their approvals. Commands follow the shared {@link dev.keyline.runtime.ServiceSteps}.
 */
package dev.keyline.runtime.authority;
