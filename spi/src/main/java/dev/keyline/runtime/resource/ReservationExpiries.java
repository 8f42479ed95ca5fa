package dev.keyline.runtime.resource;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;
import java.util.Optional;

/**
 * The reaction that expires a reservation when its expiry timer falls due
 * ({@code resource.reservation-expiry-due}, occurring at the expiry): its unallocated units return
 * to the pool. It re-checks the reservation first and leaves alone one that is already completed,
 * cancelled, released or expired, one re-dated since the timer was set, and one that does not
 * exist; so a timer delivered twice expires nothing twice. A timer delivered before the expiry by
 * the runtime's clock changes nothing either.
 */
public final class ReservationExpiries {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "resource.reservation-expiry";

    private ReservationExpiries() {
    }

    /**
     * The reaction over a storage provider that stores the resource area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store the resource area
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        ResourcePoolRepository pools = storage.port(ResourcePoolRepository.class);
        ReservationRepository reservations = storage.port(ReservationRepository.class);
        return Reaction.of(REACTION, (event, context) -> {
            if (!(event instanceof ReservationExpiryDue due)) {
                throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                        + event.type() + "'");
            }
            ResourcePools.expireIfDue(context, pools, reservations, due.reservation(), Optional.of(due.expiresAt()));
        }, ReservationExpiryDue.TYPE);
    }

}
