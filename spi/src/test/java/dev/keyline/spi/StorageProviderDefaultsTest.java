package dev.keyline.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provider written before an area existed still compiles, and using the area's ports on it fails
 * clearly, naming the provider, the area and the port, with reason CONFIGURATION.
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
    void everyPortOfAProviderThatDoesNotStoreTheAreaFailsAsConfigurationNamingTheArea() {
        StorageProvider older = new OlderProvider();
        List<Class<?>> ports = List.of(KeyAccountRepository.class, SpendFactRepository.class,
                ClassificationResultRepository.class, AccountPlanRepository.class, PriceAuthorisationRepository.class,
                FloorPriceListRepository.class);
        List<String> areas = List.of("account", "account", "account", "account", "authority", "authority");

        for (int i = 0; i < ports.size(); i++) {
            Class<?> port = ports.get(i);
            assertThatThrownBy(() -> older.port(port)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("older-provider").hasMessageContaining("area '" + areas.get(i) + "'")
                    .hasMessageContaining(port.getSimpleName())
                    .satisfies(e -> assertThat(((KeylineException) e).reason()).isEqualTo(ReasonCode.CONFIGURATION));
            assertThat(older.findPort(port)).isEmpty();
        }
        assertThat(older.areas()).isEmpty();
    }

    @Test
    void aPortNoAreaDeclaresFailsAsConfigurationSayingSo() {
        assertThatThrownBy(() -> new InMemoryStorage().port(Runnable.class)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("java.lang.Runnable, which no registered area declares");
    }

    @Test
    void theInMemoryProviderStoresBothAreasAndHandsOutTheSameRepositoryEachTime() {
        InMemoryStorage storage = new InMemoryStorage();
        for (Class<?> port : List.of(KeyAccountRepository.class, SpendFactRepository.class,
                ClassificationResultRepository.class, AccountPlanRepository.class, PriceAuthorisationRepository.class,
                FloorPriceListRepository.class)) {
            assertThat(storage.port(port)).isInstanceOf(port).isSameAs(storage.port(port));
        }
        assertThat(storage.areas()).extracting(Area::name).contains("account", "authority");
    }
}
