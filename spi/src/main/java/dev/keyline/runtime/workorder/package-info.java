/** Provisioning orders through the runtime: their commands follow the shared {@link dev.keyline.runtime.ServiceSteps}. */
package dev.keyline.runtime.workorder;
