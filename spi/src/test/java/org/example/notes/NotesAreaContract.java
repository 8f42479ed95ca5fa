package org.example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AreaRegistrationContract;
import dev.keyline.tck.RecordingSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The whole kit of the notes area: its repository contract, Keyline's generic area-registration
 * contract, and its service through the shared service steps, as {@code @Nested} groups.
 */
public abstract class NotesAreaContract {

    /**
     * A fresh, empty storage that stores the notes area; called once per test.
     *
     * @return the storage
     */
    protected abstract StorageProvider newStorage();

    /**
     * Releases a storage made by {@link #newStorage()}; does nothing unless overridden.
     *
     * @param used the storage
     */
    protected void discard(StorageProvider used) {
    }

    /** {@link NoteRepositoryContract} on this provider. */
    @Nested
    class Repository extends NoteRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return NotesAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            NotesAreaContract.this.discard(used);
        }
    }

    /** {@link AreaRegistrationContract} on this provider: every declared port served, the area among them. */
    @Nested
    class Registration extends AreaRegistrationContract {

        @Override
        protected StorageProvider newStorage() {
            return NotesAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            NotesAreaContract.this.discard(used);
        }

        @Test
        void theNotesAreaIsRegistered() {
            assertThat(storage.areas()).extracting(a -> a.name()).contains(NotesArea.NAME);
        }
    }

    /** The notes service on this provider, through the shared service steps. */
    @Nested
    class Service {

        private final Actor author = Actor.withRoles(new UserId("U-AUTHOR"), Role.ACCOUNT_MANAGER);
        private final Actor other = Actor.withRoles(new UserId("U-OTHER"), Role.ACCOUNT_MANAGER);

        @Test
        void aNoteIsWrittenRewrittenByItsAuthorAndItsEventsReachTheOutbox() {
            StorageProvider storage = newStorage();
            try {
                RecordingSink sink = new RecordingSink("notes");
                Keyline keyline = Keyline.builder().storage(storage).sink(sink)
                        .clock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC)).build();
                Notes notes = Notes.on(keyline);
                NoteId id = new NoteId("N-SERVICE-" + System.nanoTime());

                notes.write(author, id, new AccountId("A-NOTED"), "call back on Monday");
                NoteSnapshot rewritten = notes.rewrite(author, id, author, "called back");

                assertThat(rewritten.version()).isEqualTo(2);
                assertThat(notes.find(id)).contains(rewritten);
                keyline.relay().pumpUntilIdle(10);
                assertThat(sink.accepted()).filteredOn(n -> n.aggregateId().equals(id.value()))
                        .extracting(n -> n.type()).containsExactly(NoteWritten.TYPE, NoteWritten.TYPE);
            } finally {
                discard(storage);
            }
        }

        @Test
        void aRewriteByAnotherUserIsRefusedBeforeAnythingChanges() {
            StorageProvider storage = newStorage();
            try {
                Keyline keyline = Keyline.builder().storage(storage).build();
                Notes notes = Notes.on(keyline);
                NoteId id = new NoteId("N-REFUSED-" + System.nanoTime());
                NoteSnapshot written = notes.write(author, id, new AccountId("A-NOTED"), "first");

                assertThatThrownBy(() -> notes.rewrite(other, id, author, "hijacked"))
                        .isInstanceOf(NotAuthorisedException.class);
                assertThat(notes.find(id)).contains(written);
            } finally {
                discard(storage);
            }
        }
    }
}
