package dev.keyline.spi.sla;

import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.spi.AggregateRepository;
import java.util.Optional;

/**
 * The service-level agreements, each with its agreements, signatures, amendments, orders,
 * completions, reservation records and documents. Saving follows {@link AggregateRepository}; every
 * list of an SLA only grows, so a provider may append what is new. SLAs are loaded by id (a binding
 * reservation made in the resources area names the SLA it is made against); the one other query
 * finds the SLA that recorded a binding reservation, since the resources area's later events about
 * a reservation (released, cancelled, expired, completed) name only the reservation.
 */
public interface ServiceLevelAgreementRepository extends AggregateRepository<ServiceLevelAgreement, SlaId> {

    /**
     * The SLA that recorded a binding reservation with this reference
     * ({@link ServiceLevelAgreement#recordBindingReservation}), whether or not it was released since.
     *
     * @param reference the reservation's reference
     * @return the SLA's id, empty when no SLA recorded it
     */
    Optional<SlaId> recordingReservation(String reference);
}
