package dev.keyline.domain.budget;

/**
 * The documents of the spending chain a budget line's ledger follows: a request is confirmed, then
 * an order replaces it, then an invoice replaces the order. Requests and orders are commitments;
 * an invoice is an actual.
 */
public enum DocumentStage {
    /** A purchase or investment request (申请): booked as a commitment. */
    REQUEST,
    /** An order or contract (订单/合同): booked as a commitment, reversing its request. */
    ORDER,
    /** An invoice (发票): recorded as an actual, reversing its order. */
    INVOICE;

    /**
     * Whether a document of this stage is a commitment rather than an actual.
     *
     * @return true for {@link #REQUEST} and {@link #ORDER}
     */
    public boolean isCommitment() {
        return this != INVOICE;
    }
}
