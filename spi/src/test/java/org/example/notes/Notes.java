package org.example.notes;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import java.util.Optional;

/** The notes service: its commands go through Keyline's shared service steps. */
public final class Notes {

    private final ServiceSteps steps;
    private final NoteRepository notes;

    private Notes(Keyline keyline) {
        this.steps = ServiceSteps.on(keyline);
        this.notes = keyline.storage().port(NoteRepository.class);
    }

    /**
     * The service on a runtime whose provider stores the notes area.
     *
     * @param keyline the runtime
     * @return the service
     */
    public static Notes on(Keyline keyline) {
        return new Notes(Require.nonNull(keyline, "keyline"));
    }

    /**
     * Writes a new note.
     *
     * @param author who writes
     * @param id the note's id
     * @param account the key account
     * @param text the text
     * @return the saved note
     */
    public NoteSnapshot write(Actor author, NoteId id, AccountId account, String text) {
        Require.nonNull(author, "author");
        return steps.create(notes, ctx -> Note.write(id, account, text, ctx.now()), Note::snapshot);
    }

    /**
     * Rewrites a note; only its author's user may, checked before anything changes.
     *
     * @param author who rewrites
     * @param id the note
     * @param authorOf who wrote the note first, for the access check
     * @param text the new text
     * @return the saved note
     * @throws NotAuthorisedException when {@code author} is not {@code authorOf}
     */
    public NoteSnapshot rewrite(Actor author, NoteId id, Actor authorOf, String text) {
        Require.nonNull(author, "author");
        Require.nonNull(authorOf, "authorOf");
        return steps.change(notes, id, (note, ctx) -> {
            if (!author.user().equals(authorOf.user())) {
                throw new NotAuthorisedException(author + " may not rewrite note " + id + " of " + authorOf);
            }
        }, (note, ctx) -> note.rewrite(text, ctx.now()), Note::snapshot);
    }

    /**
     * A note.
     *
     * @param id its id
     * @return its state, if any
     */
    public Optional<NoteSnapshot> find(NoteId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> notes.find(id).map(Note::snapshot));
    }
}
