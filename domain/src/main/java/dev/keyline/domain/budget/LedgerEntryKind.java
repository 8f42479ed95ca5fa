package dev.keyline.domain.budget;

/** What one entry of a budget's commitment ledger records. */
public enum LedgerEntryKind {
    /** A confirmed request or order booked as a commitment. */
    COMMITMENT_BOOKED,
    /** An open commitment reversed: its next document was confirmed, or it was cancelled. */
    COMMITMENT_REVERSED,
    /** A confirmed invoice recorded as an actual. */
    ACTUAL_RECORDED
}
