package dev.keyline.memory.sla;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import java.util.Optional;

/** The service-level agreements of an {@link InMemoryStorage}. */
final class InMemoryServiceLevelAgreementRepository
        extends InMemoryAggregateRepository<ServiceLevelAgreement, SlaId, ServiceLevelAgreementSnapshot>
        implements ServiceLevelAgreementRepository {

    InMemoryServiceLevelAgreementRepository(InMemoryStorage storage) {
        super(storage, "SLA", ServiceLevelAgreementSnapshot.class, ServiceLevelAgreement::snapshot,
                ServiceLevelAgreement::restore);
    }

    @Override
    public Optional<SlaId> recordingReservation(String reference) {
        Require.nonNull(reference, "reference");
        return findAll(s -> s.reservations().stream().anyMatch(r -> r.reference().equals(reference)))
                .map(ServiceLevelAgreement::id).findFirst();
    }
}
