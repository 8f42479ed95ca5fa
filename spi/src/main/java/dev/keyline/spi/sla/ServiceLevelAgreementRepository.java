package dev.keyline.spi.sla;

import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.spi.AggregateRepository;

/**
 * The service-level agreements, each with its agreements, signatures, amendments, orders,
 * completions, reservation records and documents. Saving follows {@link AggregateRepository}; every
 * list of an SLA only grows, so a provider may append what is new. SLAs are loaded by id (the
 * resources area's binding reservations name the SLA they are made against), so no other query is
 * needed.
 */
public interface ServiceLevelAgreementRepository extends AggregateRepository<ServiceLevelAgreement, SlaId> {
}
