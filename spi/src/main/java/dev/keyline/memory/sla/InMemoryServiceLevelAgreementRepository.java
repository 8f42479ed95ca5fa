package dev.keyline.memory.sla;

import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;

/** The service-level agreements of an {@link InMemoryStorage}. */
final class InMemoryServiceLevelAgreementRepository
        extends InMemoryAggregateRepository<ServiceLevelAgreement, SlaId, ServiceLevelAgreementSnapshot>
        implements ServiceLevelAgreementRepository {

    InMemoryServiceLevelAgreementRepository(InMemoryStorage storage) {
        super(storage, "SLA", ServiceLevelAgreementSnapshot.class, ServiceLevelAgreement::snapshot,
                ServiceLevelAgreement::restore);
    }
}
