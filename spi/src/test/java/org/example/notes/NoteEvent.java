package org.example.notes;

import dev.keyline.domain.common.DomainEvent;

/** An event raised by a {@link Note}. */
public sealed interface NoteEvent extends DomainEvent permits NoteWritten {

    /** The note concerned. */
    NoteId note();

    @Override
    default String aggregateId() {
        return note().value();
    }
}
