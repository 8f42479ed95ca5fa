package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.spi.Area;
import dev.keyline.spi.ConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generic contract of a provider's area registration, whatever areas it stores: every port
 * that each registered area declares is served by an object implementing it, the same object on
 * every call, and a port of an area the provider does not store fails with a CONFIGURATION error
 * naming that area. A provider runs it by extending this class with {@link #newStorage()}.
 */
public abstract class AreaRegistrationContract extends StorageBackedContract {

    /** A port of an area that is registered with the core (for {@link java.util.ServiceLoader}) but stored by no provider. */
    public interface UnstoredPort {
    }

    /** The area of {@link UnstoredPort}: declared, never installed in a provider. */
    public static final class UnstoredArea implements Area {

        /** The area's name. */
        public static final String NAME = "unstored";

        /** The area. */
        public UnstoredArea() {
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Set<Class<?>> ports() {
            return Set.of(UnstoredPort.class);
        }

        @Override
        public Set<Class<? extends DomainEvent>> eventRoots() {
            return Set.of();
        }
    }

    @Test
    void theProviderStoresAreasUnderDistinctNames() {
        List<Area> areas = storage.areas();
        assertThat(areas).isNotEmpty();
        assertThat(areas.stream().map(Area::name).distinct().count()).isEqualTo(areas.size());
    }

    @Test
    void everyDeclaredPortOfEveryRegisteredAreaIsServedByTheSameObjectOnEveryCall() {
        Set<Class<?>> served = new HashSet<>();
        for (Area area : storage.areas()) {
            assertThat(area.ports()).as("ports of the area '%s'", area.name()).isNotEmpty();
            for (Class<?> port : area.ports()) {
                Object implementation = storage.port(port);
                assertThat(implementation).as("port %s of the area '%s'", port.getName(), area.name()).isInstanceOf(port);
                assertThat(storage.port(port)).isSameAs(implementation);
                assertThat(storage.findPort(port).orElseThrow()).isSameAs(implementation);
                assertThat(served.add(port)).as("port %s served once", port.getName()).isTrue();
            }
        }
    }

    @Test
    void aPortOfAnAreaTheProviderDoesNotStoreFailsAsConfigurationNamingTheArea() {
        assertThat(storage.areas()).extracting(Area::name).doesNotContain(UnstoredArea.NAME);
        assertThat(storage.findPort(UnstoredPort.class)).isEmpty();
        assertThatThrownBy(() -> storage.port(UnstoredPort.class))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((KeylineException) e).reason()).isEqualTo(ReasonCode.CONFIGURATION))
                .hasMessageContaining("'" + storage.name() + "'")
                .hasMessageContaining("the area '" + UnstoredArea.NAME + "'")
                .hasMessageContaining(UnstoredPort.class.getSimpleName());
    }
}
