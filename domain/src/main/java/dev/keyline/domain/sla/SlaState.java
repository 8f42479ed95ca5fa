package dev.keyline.domain.sla;

/**
 * Where an SLA (服务水平协议) stands: {@link #DRAFT} until both parties signed, {@link #SIGNED} until approved,
 * {@link #IN_FORCE} for its period, then {@link #EXPIRED}; {@link #TERMINATED} ends it early.
 */
public enum SlaState {

    /** Drafted; one party or none has signed. */
    DRAFT,

    /** Both parties signed; awaiting approval. */
    SIGNED,

    /** Approved: orders, amendments, reservations and documents are taken under it. */
    IN_FORCE,

    /** Its period is over; completions, releases, reports and the evaluation are still recorded. */
    EXPIRED,

    /** Ended early by the general manager; nothing more is taken but releases of its reservations. */
    TERMINATED;

    /**
     * Whether the SLA ran its course or still runs, so that completions are recorded and reports
     * issued under it.
     *
     * @return true for {@link #IN_FORCE} and {@link #EXPIRED}
     */
    public boolean wasInForce() {
        return this == IN_FORCE || this == EXPIRED;
    }
}
