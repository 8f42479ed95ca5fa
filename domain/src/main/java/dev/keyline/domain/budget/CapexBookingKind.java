package dev.keyline.domain.budget;

/** What a {@link CapexBooking} records on a project. */
public enum CapexBookingKind {
    /** A commitment booked when a document (a request or an order) was confirmed. */
    COMMITMENT,
    /** A commitment reversed, when the next document in the chain was confirmed. */
    COMMITMENT_RELEASE,
    /** An actual cost (an invoice). */
    ACTUAL
}
