package org.example.notes;

import dev.keyline.domain.common.Identifier;

/**
 * The id of a {@link Note}.
 *
 * @param value the id text
 */
public record NoteId(String value) implements Identifier {

    /** Validates the id. */
    public NoteId {
        Identifier.check(value, "noteId");
    }

    @Override
    public String toString() {
        return value;
    }
}
