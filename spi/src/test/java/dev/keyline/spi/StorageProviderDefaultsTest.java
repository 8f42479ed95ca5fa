package dev.keyline.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.memory.InMemoryStorage;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A provider written before the key-account area existed still compiles, and using the area on it
 * fails clearly, naming the provider and the area, with reason CONFIGURATION.
 */
class StorageProviderDefaultsTest {

    /** A provider that implements only what StorageProvider required before the area existed. */
    private static final class OlderProvider implements StorageProvider {

        private final InMemoryStorage delegate = new InMemoryStorage();

        @Override
        public Transactions transactions() {
            return delegate.transactions();
        }

        @Override
        public Outbox outbox() {
            return delegate.outbox();
        }

        @Override
        public String name() {
            return "older-provider";
        }
    }

    @Test
    void everyAreaRepositoryOfAProviderThatDoesNotStoreTheAreaFailsAsConfiguration() {
        StorageProvider older = new OlderProvider();
        List<Function<StorageProvider, Object>> repositories = List.of(StorageProvider::keyAccounts,
                StorageProvider::spendFacts, StorageProvider::classificationResults, StorageProvider::accountPlans,
                StorageProvider::priceAuthorisations, StorageProvider::floorPriceLists);
        List<String> areas = List.of("key accounts", "spend facts", "classification results", "account plans",
                "price authorisations", "floor price lists");

        for (int i = 0; i < repositories.size(); i++) {
            Function<StorageProvider, Object> repository = repositories.get(i);
            assertThatThrownBy(() -> repository.apply(older)).isInstanceOf(KeylineException.class)
                    .hasMessageContaining("older-provider").hasMessageContaining(areas.get(i))
                    .satisfies(e -> assertThat(((KeylineException) e).reason()).isEqualTo(ReasonCode.CONFIGURATION));
        }
    }

    @Test
    void theInMemoryProviderStoresTheAreaAndHandsOutTheSameRepositoryEachTime() {
        InMemoryStorage storage = new InMemoryStorage();
        assertThat(storage.keyAccounts()).isSameAs(storage.keyAccounts());
        assertThat(storage.spendFacts()).isSameAs(storage.spendFacts());
        assertThat(storage.classificationResults()).isSameAs(storage.classificationResults());
        assertThat(storage.accountPlans()).isSameAs(storage.accountPlans());
        assertThat(storage.priceAuthorisations()).isSameAs(storage.priceAuthorisations());
        assertThat(storage.floorPriceLists()).isSameAs(storage.floorPriceLists());
    }
}
