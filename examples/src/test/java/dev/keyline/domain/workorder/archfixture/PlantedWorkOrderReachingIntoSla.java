package dev.keyline.domain.workorder.archfixture;

import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrderAccepted;

/**
 * A deliberate violation, kept in test sources only: a work-order class that reads the SLA
 * aggregate instead of following its order event (its SlaId and SlaOrderAccepted are allowed).
 */
public final class PlantedWorkOrderReachingIntoSla {

    private PlantedWorkOrderReachingIntoSla() {
    }

    /** Reads the SLA an accepted order was placed under. */
    static SlaId slaOf(SlaOrderAccepted accepted, ServiceLevelAgreement sla) {
        return sla.id().equals(accepted.sla()) ? sla.id() : accepted.sla();
    }
}
