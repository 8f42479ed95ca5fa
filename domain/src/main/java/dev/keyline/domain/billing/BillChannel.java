package dev.keyline.domain.billing;

/** How bills reach the customer (账单投递方式). */
public enum BillChannel {
    /** Printed and posted. */
    PAPER,
    /** Sent by e-mail. */
    EMAIL,
    /** Sent by fax. */
    FAX,
    /** Published on the customer portal. */
    PORTAL,
    /** Electronic data interchange with the customer's own systems. */
    EDI;

    /** {@return whether bills on this channel are a printed page (paper or fax)} */
    public boolean isPrinted() {
        return this == PAPER || this == FAX;
    }
}
