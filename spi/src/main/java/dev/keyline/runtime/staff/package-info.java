/**
 * The HR interface run through the runtime: {@link dev.keyline.runtime.staff.Staffings}, the
 * staffing of industry divisions, and {@link dev.keyline.runtime.staff.Incentives}, incentive
 * tables and incentives calculated from scorecards. Commands follow the shared
 * {@link dev.keyline.runtime.ServiceSteps}.
 */
package dev.keyline.runtime.staff;
