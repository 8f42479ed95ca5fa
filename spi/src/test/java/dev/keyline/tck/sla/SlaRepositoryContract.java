package dev.keyline.tck.sla;

import static dev.keyline.domain.sla.SlaSamples.DDN;
import static dev.keyline.domain.sla.SlaSamples.MARKETING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassTable;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaDriver;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ServiceLevelAgreementRepository}: the generic version-conflict
 * tests of {@link AggregateRepositoryContract} on real SLAs, and full round trips of SLAs in every
 * state with every kind of record. A provider runs it by extending {@link SlaAreaContract}, or this
 * class directly with {@link #newStorage()}.
 */
public abstract class SlaRepositoryContract
        extends AggregateRepositoryContract<ServiceLevelAgreement, SlaId, ServiceLevelAgreementSnapshot> {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    @Override
    protected AggregateRepository<ServiceLevelAgreement, SlaId> repository(StorageProvider storage) {
        return storage.port(ServiceLevelAgreementRepository.class);
    }

    @Override
    protected SlaId newId() {
        return new SlaId("SLA-" + IDS.incrementAndGet() + "-" + System.nanoTime());
    }

    /** The sample SLA for 2026, in force. */
    @Override
    protected ServiceLevelAgreement newAggregate(SlaId id) {
        return SlaSamples.inForce(id);
    }

    /** Accepts one more class D order of DDN, a day after the last one (or on 2 January 2026). */
    @Override
    protected void change(ServiceLevelAgreement sla) {
        List<SlaOrder> orders = sla.orders();
        Instant at = orders.isEmpty() ? SlaSamples.at(2026, 1, 2) : orders.get(orders.size() - 1).acceptedAt().plusSeconds(86_400);
        sla.acceptOrder(MARKETING, "O-" + (orders.size() + 1), DDN, ServiceClass.D, ServiceClassTable.seedDefaults(),
                SlaSamples.CALENDAR, at);
    }

    @Override
    protected ServiceLevelAgreementSnapshot snapshot(ServiceLevelAgreement sla) {
        return sla.snapshot();
    }

    @Override
    protected ServiceLevelAgreement restore(ServiceLevelAgreementSnapshot snapshot) {
        return ServiceLevelAgreement.restore(snapshot);
    }

    /** Records the first order twice. */
    @Override
    protected ServiceLevelAgreementSnapshot corrupt(ServiceLevelAgreementSnapshot s) {
        List<SlaOrder> doubled = new ArrayList<>(s.orders());
        doubled.add(s.orders().get(0));
        return new ServiceLevelAgreementSnapshot(s.id(), s.version(), s.department(), s.network(), s.term(), s.zone(),
                s.changeFrequency(), s.terms(), s.draftedBy(), s.draftedAt(), s.state(), s.agreements(), s.signatures(),
                s.approvedBy(), s.approvedAt(), s.amendments(), doubled, s.completions(), s.reservations(), s.documents(),
                s.endedBy(), s.endedAt(), s.endReason());
    }

    /** Every part of an SLA and the version survive saving and loading. */
    @Nested
    class RoundTrips {

        @Test
        void aDraftAShorterPeriodAndATerminatedSlaSurvive() {
            ServiceLevelAgreement draft = SlaSamples.draft(newId());
            saveInTransaction(draft);
            assertThat(load(draft.id()).snapshot()).isEqualTo(draft.snapshot());

            ServiceLevelAgreement half = SlaSamples.draft(newId(), new SlaTerm(YearMonth.of(2026, 7), 6), 0);
            half.terminate(SlaSamples.GENERAL_MANAGER, "the departments merged", SlaSamples.at(2026, 6, 1));
            saveInTransaction(half);
            assertThat(load(half.id()).snapshot()).isEqualTo(half.snapshot());
        }

        @Test
        void everyReachableSlaSurvivesSaveAndLoadTwice() {
            qt().withExamples(propertyExamples()).withShrinkCycles(20)
                    .forAll(SlaDriver.seeds(60), SlaDriver.seeds(30))
                    .checkAssert((first, more) -> {
                        ServiceLevelAgreement sla = SlaSamples.inForce(newId());
                        SlaDriver driver = new SlaDriver(sla);
                        runAll(driver, first);
                        saveInTransaction(sla);
                        ServiceLevelAgreement loaded = load(sla.id());
                        assertThat(loaded.snapshot()).isEqualTo(sla.snapshot());

                        SlaDriver again = new SlaDriver(loaded);
                        runAll(again, first);
                        runAll(again, more);
                        saveInTransaction(loaded);
                        ServiceLevelAgreement reloaded = load(sla.id());
                        assertThat(reloaded.snapshot()).isEqualTo(loaded.snapshot());
                        assertThat(reloaded.version()).isEqualTo(2);
                    });
        }

        private void runAll(SlaDriver driver, List<Integer> seeds) {
            for (int seed : seeds) {
                try {
                    driver.run(seed);
                } catch (KeylineException refused) {
                    // a refused command changes nothing
                }
            }
        }
    }
}
