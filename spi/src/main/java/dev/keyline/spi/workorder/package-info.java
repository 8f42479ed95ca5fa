/** The ports of the work-order area: provisioning orders and the queries their KPIs and timers need. */
package dev.keyline.spi.workorder;
