package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One entry of a budget's append-only commitment ledger. Entries are never changed or removed; a
 * commitment is undone by a {@link LedgerEntryKind#COMMITMENT_REVERSED} entry naming its document.
 *
 * @param sequence its position in the ledger, from 1
 * @param kind what it records
 * @param line the budget line
 * @param document the document booked, reversed or recorded
 * @param stage the document's stage
 * @param amount the amount booked, reversed or recorded; positive
 * @param by who confirmed the document
 * @param at when
 * @param note why (the document that replaced a reversed commitment, a cancellation reason), or null
 */
public record LedgerEntry(long sequence, LedgerEntryKind kind, BudgetLineId line, CommitmentId document,
        DocumentStage stage, Money amount, UserId by, Instant at, String note) {

    /**
     * Validates the entry.
     *
     * @param sequence its position in the ledger, from 1
     * @param kind what it records
     * @param line the budget line
     * @param document the document booked, reversed or recorded
     * @param stage the document's stage
     * @param amount the amount booked, reversed or recorded; positive
     * @param by who confirmed the document
     * @param at when
     * @param note why (the document that replaced a reversed commitment, a cancellation reason), or null
     * @throws InvalidArgumentException naming the component when one other than {@code note} is
     *     null, the sequence or amount is not positive, the stage does not fit the kind, or the
     *     note is blank or too long
     */
    public LedgerEntry {
        Require.positive(sequence, "sequence");
        Require.nonNull(kind, "kind");
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Require.nonNull(stage, "stage");
        Limits.money(amount, "amount");
        Require.that(amount.isPositive(), "amount", () -> "must be positive, was " + amount);
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        if (note != null) {
            Require.text(note, "note");
        }
        Require.that(stage.isCommitment() == (kind != LedgerEntryKind.ACTUAL_RECORDED), "stage",
                () -> "a " + kind + " entry cannot be of stage " + stage);
    }
}
