package org.example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.EventId;
import dev.keyline.json.EventTypes;
import dev.keyline.json.KeylineJson;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import java.net.URL;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The notes area, a host's area outside Keyline's packages, on the in-memory provider: found by
 * {@link java.util.ServiceLoader} through this test tree's {@code META-INF/services} files, and
 * installed explicitly through the builder.
 */
class InMemoryNotesAreaTest {

    /** Registered by the ServiceLoader file: {@code new InMemoryStorage()} stores it. */
    @Nested
    class Discovered extends NotesAreaContract {

        @Override
        protected StorageProvider newStorage() {
            return new InMemoryStorage();
        }
    }

    /** Registered explicitly, and alone: no discovery. */
    @Nested
    class Explicit extends NotesAreaContract {

        @Override
        protected StorageProvider newStorage() {
            return InMemoryStorage.builder().discover(false).area(new InMemoryNotesArea()).build();
        }

        @Test
        void keylinesOwnAreasAreNotStoredThenAndAskingForThemNamesTheArea() {
            StorageProvider notesOnly = newStorage();
            assertThat(notesOnly.areas()).extracting(a -> a.name()).containsExactly(NotesArea.NAME);
            assertThatThrownBy(() -> notesOnly.port(KeyAccountRepository.class)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the area 'account'");
        }
    }

    @Test
    void anAreaGivenBothWaysIsInstalledOnce() {
        InMemoryStorage storage = InMemoryStorage.builder().area(new InMemoryNotesArea()).build();
        assertThat(storage.areas()).extracting(a -> a.name()).containsOnlyOnce(NotesArea.NAME);
    }

    @Test
    void itsEventsRoundTripThroughTheStandardRegistryBecauseTheAreaIsRegistered() {
        NoteWritten event = new NoteWritten(EventId.random(), Instant.parse("2026-03-01T09:00:00Z"), new NoteId("N-1"),
                new AccountId("A-1"), "hello");
        KeylineJson json = KeylineJson.create();

        assertThat(EventTypes.standard().classOf(NoteWritten.TYPE)).contains(NoteWritten.class);
        assertThat(json.readEvent(NoteWritten.TYPE, json.writeEvent(event))).isEqualTo(event);
    }

    @Test
    void withoutItsServiceLoaderFileTheStandardRegistryDoesNotKnowItsEvents() throws Exception {
        ClassLoader withoutTestAreas = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws java.io.IOException {
                List<URL> kept = Collections.list(super.getResources(name)).stream()
                        .filter(url -> !url.toString().contains("test-classes") && !url.toString().contains("-tests.jar"))
                        .toList();
                return Collections.enumeration(kept);
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(withoutTestAreas);
        try {
            EventTypes standard = EventTypes.standard();
            assertThat(standard.classOf(NoteWritten.TYPE)).isEmpty();
            assertThat(standard.types()).contains("account.registered", "authority.price-requested");
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
