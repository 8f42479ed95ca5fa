package org.example.notes;

import dev.keyline.domain.account.AccountId;

/**
 * The stored state of a {@link Note}.
 *
 * @param id the note's id
 * @param version the saved version
 * @param account the key account the note is about (an id of the account area)
 * @param text the note's text
 */
public record NoteSnapshot(NoteId id, long version, AccountId account, String text) {
}
