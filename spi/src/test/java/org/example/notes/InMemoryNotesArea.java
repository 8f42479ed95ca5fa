package org.example.notes;

import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;

/** The notes area in the in-memory provider: a repository built from the snapshot and restore functions. */
public final class InMemoryNotesArea implements InMemoryArea {

    /** The area's in-memory part. */
    public InMemoryNotesArea() {
    }

    @Override
    public Area area() {
        return new NotesArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        ports.register(NoteRepository.class, new InMemoryNoteRepository(storage));
    }

    /** The port over the generic in-memory repository; no snapshot or restore code of its own. */
    private static final class InMemoryNoteRepository extends InMemoryAggregateRepository<Note, NoteId, NoteSnapshot>
            implements NoteRepository {

        InMemoryNoteRepository(InMemoryStorage storage) {
            super(storage, "note", NoteSnapshot.class, Note::snapshot, Note::restore);
        }
    }
}
