package org.example.notes;

import dev.keyline.spi.AggregateRepository;

/** The notes area's one storage port. */
public interface NoteRepository extends AggregateRepository<Note, NoteId> {
}
