package dev.keyline.domain.sla;

import dev.keyline.domain.common.DomainEvent;

/** An event raised by a {@link ServiceLevelAgreement}. Its aggregate id is the SLA's id. */
public sealed interface SlaEvent extends DomainEvent permits SlaDrafted, SlaSigned, SlaApproved, SlaAmended, SlaOrderAccepted, SlaOrderCompleted, ServiceClassLimitNearlyReached, SlaReservationMade, SlaReservationReleased, SlaDocumentRecorded, SlaMonthlyReportIssued, ForecastDeviationExceeded, SlaExpired, SlaTerminated {

    /**
     * The SLA concerned.
     *
     * @return its id
     */
    SlaId sla();
}
