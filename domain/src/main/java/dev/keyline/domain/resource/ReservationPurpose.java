package dev.keyline.domain.resource;

/** What a {@link Reservation} is made for. */
public enum ReservationPurpose {
    /** A customer order waiting to be provisioned; its shortfall is an emergency. */
    ORDER,
    /**
     * An SLA signed with the marketing service centre (营销服务中心); the reservation is binding: it
     * binds the network centre to keep the units for that SLA.
     */
    SLA
}
