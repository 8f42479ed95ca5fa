package dev.keyline.domain.billing;

/** What an {@link ArrearsFact} records about a bill. */
public enum ArrearsFactKind {
    /** The bill was issued: its amount and due date. Exactly one per bill. */
    BILLED,
    /** Part or all of the bill was paid. */
    PAID,
    /** Part or all of the bill was written off (核销). */
    WRITTEN_OFF;

    /** {@return whether the fact lowers what is owed on the bill (a payment or a write-off)} */
    public boolean isSettlement() {
        return this != BILLED;
    }
}
