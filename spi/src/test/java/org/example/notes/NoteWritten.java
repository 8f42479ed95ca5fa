package org.example.notes;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * A note was written or rewritten; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param note the note
 * @param account the key account it is about
 * @param text the text now in force
 */
public record NoteWritten(EventId eventId, Instant occurredAt, NoteId note, AccountId account, String text)
        implements NoteEvent {

    /** The stable event type. */
    public static final String TYPE = "notes.note-written";

    /** Validates the event. */
    public NoteWritten {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(note, "note");
        Require.nonNull(account, "account");
        Require.text(text, "text");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("note " + note + " written").withAccount(account.value());
    }
}
