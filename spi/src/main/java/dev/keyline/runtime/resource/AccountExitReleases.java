package dev.keyline.runtime.resource;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;

/**
 * The reaction that releases every unit a key account holds when it exits ({@code account.exited}):
 * in every pool where it holds units, its allocations are released (resting for the pool's
 * cool-down, if any) and its open reservations are released, their unallocated units returning at
 * once. It runs on the relay like every reaction, in its own transaction, once per event (the
 * relay's receipt). It is also idempotent by state: an account that holds nothing any more changes
 * nothing, so an exit delivered again (or a second exit event) releases nothing twice. A pool
 * changed concurrently makes the transaction fail stale, and the relay retries the event.
 */
public final class AccountExitReleases {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "resource.account-exit";

    private AccountExitReleases() {
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
        return Reaction.of(REACTION, (event, context) -> apply(pools, reservations, event, context), AccountExited.TYPE);
    }

    private static void apply(ResourcePoolRepository pools, ReservationRepository reservations, DomainEvent event,
            CommandContext context) {
        if (!(event instanceof AccountExited exited)) {
            throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                    + event.type() + "'");
        }
        for (PoolId id : pools.holding(exited.account())) {
            ResourcePool pool = pools.get(id);
            for (ReservationId held : pool.reservationsOf(exited.account())) {
                Reservation reservation = reservations.get(held);
                pool.releaseReservation(reservation, "key account " + exited.account() + " exited",
                        ResourcePools.at(context, pool));
                context.save(reservations, reservation);
                ResourcePools.endExpiryTimerIfClosed(context, reservation);
            }
            pool.releaseAllocationsOf(exited.account(), ResourcePools.at(context, pool));
            context.save(pools, pool);
        }
    }
}
