package dev.keyline.domain.kpi;

import dev.keyline.domain.common.DomainEvent;

/** What happened to a KPI's standing for an organisation unit. */
public sealed interface KpiEvent extends DomainEvent permits KpiBandEntered, KpiBandRecovered {

    /**
     * The KPI.
     *
     * @return the KPI
     */
    KpiId kpi();

    /**
     * The organisation unit.
     *
     * @return the unit
     */
    KpiUnit unit();
}
