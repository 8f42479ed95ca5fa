package org.example.notes;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/** A free-text note about a key account; every write raises {@link NoteWritten}. */
public final class Note extends AggregateRoot<NoteId> {

    private final AccountId account;
    private String text;

    private Note(NoteId id, long version, AccountId account, String text) {
        super(id, version);
        this.account = account;
        this.text = text;
    }

    /**
     * A new, never saved note.
     *
     * @param id its id
     * @param account the key account it is about
     * @param text its text, not blank
     * @param at when it is written
     * @return the note, with its {@link NoteWritten} pending
     */
    public static Note write(NoteId id, AccountId account, String text, Instant at) {
        Note note = new Note(Require.nonNull(id, "id"), 0, Require.nonNull(account, "account"), Require.text(text, "text"));
        note.record(new NoteWritten(EventId.random(), Require.nonNull(at, "at"), id, account, text));
        return note;
    }

    /**
     * Restores a stored note, validating it again.
     *
     * @param snapshot the stored state
     * @return the note
     * @throws CorruptStateException when the stored state is invalid
     */
    public static Note restore(NoteSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        try {
            Require.nonNull(snapshot.id(), "id");
            Require.nonNull(snapshot.account(), "account");
            Require.nonNegative(snapshot.version(), "version");
            Require.text(snapshot.text(), "text");
        } catch (KeylineException e) {
            throw new CorruptStateException("stored note " + snapshot.id() + " is invalid: " + e.getMessage(), e);
        }
        return new Note(snapshot.id(), snapshot.version(), snapshot.account(), snapshot.text());
    }

    /**
     * Replaces the text, raising {@link NoteWritten}.
     *
     * @param newText the new text, not blank
     * @param at when
     */
    public void rewrite(String newText, Instant at) {
        Require.text(newText, "newText");
        Require.nonNull(at, "at");
        text = newText;
        record(new NoteWritten(EventId.random(), at, id(), account, newText));
    }

    /** The key account the note is about. */
    public AccountId account() {
        return account;
    }

    /** The text. */
    public String text() {
        return text;
    }

    /** The current state as a snapshot. */
    public NoteSnapshot snapshot() {
        return new NoteSnapshot(id(), version(), account, text);
    }
}
