package dev.keyline.tck.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.spi.kpi.KpiDefinitionRepository;
import dev.keyline.tck.StorageBackedContract;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KpiDefinitionRepository}: every definition of the seed's catalogue reads
 * back equal, a save replaces the definition of its id, removing one brings the base's back, and a
 * failing transaction stores nothing.
 */
public abstract class KpiDefinitionRepositoryContract extends StorageBackedContract {

    private KpiDefinitionRepository definitions() {
        return storage.port(KpiDefinitionRepository.class);
    }

    @Test
    void everySeedDefinitionReadsBackEqual() {
        List<KpiDefinition> seed = KpiCatalogue.seed().definitions();
        storage.transactions().run(() -> seed.forEach(definitions()::save));

        for (KpiDefinition definition : seed) {
            assertThat(inTransaction(() -> definitions().find(definition.id()))).contains(definition);
        }
        assertThat(inTransaction(() -> definitions().all())).hasSize(seed.size())
                .extracting(d -> d.id().value()).isSorted();
    }

    @Test
    void aSavedDefinitionReplacesTheOneOfItsIdAndRemovingItBringsTheBaseBack() {
        KpiDefinition seeded = KpiCatalogue.seed().get(KpiCatalogue.CHURN_RATE);
        KpiDefinition quarterly = seeded.withPeriod(Period.Granularity.QUARTER, ZoneOffset.UTC);
        storage.transactions().run(() -> definitions().save(seeded));
        storage.transactions().run(() -> definitions().save(quarterly));

        assertThat(inTransaction(() -> definitions().find(KpiCatalogue.CHURN_RATE))).contains(quarterly);
        assertThat(inTransaction(() -> definitions().catalogue(KpiCatalogue.seed()).get(KpiCatalogue.CHURN_RATE)))
                .isEqualTo(quarterly);
        assertThat(inTransaction(() -> definitions().remove(KpiCatalogue.CHURN_RATE))).isTrue();
        assertThat(inTransaction(() -> definitions().remove(KpiCatalogue.CHURN_RATE))).isFalse();
        assertThat(inTransaction(() -> definitions().catalogue(KpiCatalogue.seed()))).isEqualTo(KpiCatalogue.seed());
    }

    @Test
    void aFailingTransactionStoresNoDefinition() {
        KpiDefinition seeded = KpiCatalogue.seed().get(KpiCatalogue.CHURN_RATE);
        assertThatThrownBy(() -> storage.transactions().run(() -> {
            definitions().save(seeded);
            definitions().save(null);
        })).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("definition");
        assertThat(inTransaction(() -> definitions().all())).isEmpty();
        assertThatThrownBy(() -> inTransaction(() -> definitions().find((KpiId) null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("id");
    }
}
