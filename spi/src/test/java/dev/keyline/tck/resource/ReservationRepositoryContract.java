package dev.keyline.tck.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ReservationRepository}: the generic aggregate contract, every
 * state reads back equal (with its closing date and reason), and the expiry query returns the
 * reservations in progress whose expiry has come, earliest first, up to the limit. A provider runs
 * it by extending {@link ResourceAreaContract}, or this class directly.
 */
public abstract class ReservationRepositoryContract
        extends AggregateRepositoryContract<Reservation, ReservationId, ReservationSnapshot> {

    /** The instant the hand-made pool is opened at. */
    protected static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    private final ResourcePool pool = ResourcePool.open(new PoolId(samples.nextId("P")), ResourceType.E1_CIRCUIT,
            new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 1_000, Duration.ZERO, T0);

    @Override
    protected AggregateRepository<Reservation, ReservationId> repository(StorageProvider storage) {
        return storage.port(ReservationRepository.class);
    }

    @Override
    protected ReservationId newId() {
        return new ReservationId(samples.nextId("R"));
    }

    /** A reservation of two units for an order, expiring two hours after {@link #T0}, in a pool of its own. */
    @Override
    protected Reservation newAggregate(ReservationId id) {
        ResourcePool own = ResourcePool.open(new PoolId(samples.nextId("P")), ResourceType.E1_CIRCUIT,
                new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), 10, Duration.ZERO, T0);
        return own.reserve(id, new ReservationTerms(samples.accountId(), ReservationPurpose.ORDER, "ORD-" + id, 2, T0,
                at(60 * 24), at(120)), T0);
    }

    private Reservation reserve(ReservationId id, long units, Instant expiry) {
        return pool.reserve(id, new ReservationTerms(samples.accountId(), ReservationPurpose.ORDER, "ORD-" + id, units,
                T0, at(60 * 24), expiry), pool.lastMovement().at());
    }

    /** Moves the expiry a minute later. */
    @Override
    protected void change(Reservation reservation) {
        reservation.redate(reservation.expiresAt().plusSeconds(60), T0);
    }

    @Override
    protected ReservationSnapshot snapshot(Reservation reservation) {
        return reservation.snapshot();
    }

    @Override
    protected Reservation restore(ReservationSnapshot snapshot) {
        return Reservation.restore(snapshot);
    }

    /** Completed with nothing allocated. */
    @Override
    protected ReservationSnapshot corrupt(ReservationSnapshot s) {
        return new ReservationSnapshot(s.id(), s.version(), s.pool(), s.holder(), s.purpose(), s.reference(),
                s.requested(), 0, s.madeAt(), s.start(), s.end(), s.expiresAt(), ReservationState.COMPLETED, T0, null);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void everyStateReadsBackEqualWithItsClosingDateAndReason() {
        Reservation cancelled = reserve(newId(), 3, at(120));
        pool.cancel(cancelled, "order withdrawn by the customer", at(1));
        Reservation completed = reserve(newId(), 1, at(120));
        pool.allocate(completed, new dev.keyline.domain.resource.AllocationId(samples.nextId("L")), 1, at(2));
        Reservation expired = reserve(newId(), 1, at(3));
        pool.expire(expired, at(3));
        Reservation rejected = reserve(newId(), 5_000, at(120));
        Reservation released = reserve(newId(), 2, at(120));
        pool.releaseReservation(released, "key account exited", at(4));
        for (Reservation r : List.of(cancelled, completed, expired, rejected, released)) {
            saveInTransaction(r);
            assertThat(load(r.id()).snapshot()).isEqualTo(r.snapshot());
        }
        assertThat(load(cancelled.id()).reason()).contains("order withdrawn by the customer");
        assertThat(load(cancelled.id()).closedAt()).contains(at(1));
        assertThat(load(rejected.id()).state()).isEqualTo(ReservationState.REJECTED);
    }

    @Test
    void theExpiryQueryReturnsOpenReservationsWhoseExpiryHasComeEarliestFirstUpToTheLimit() {
        Instant far = at(60 * 24 * 365);
        Reservation late = reserve(newId(), 1, at(30));
        Reservation early = reserve(newId(), 1, at(10));
        Reservation exact = reserve(newId(), 1, at(20));
        Reservation future = reserve(newId(), 1, at(50));
        Reservation cancelled = reserve(newId(), 1, at(5));
        pool.cancel(cancelled, "no longer needed", pool.lastMovement().at());
        for (Reservation r : List.of(late, early, exact, future, cancelled)) {
            saveInTransaction(r);
        }
        ReservationRepository reservations = storage.port(ReservationRepository.class);

        assertThat(inTransaction(() -> reservations.expiringBy(at(30), 10))).extracting(Reservation::id)
                .containsExactly(early.id(), exact.id(), late.id());
        assertThat(inTransaction(() -> reservations.expiringBy(at(30), 2))).extracting(Reservation::id)
                .containsExactly(early.id(), exact.id());
        assertThat(inTransaction(() -> reservations.expiringBy(at(9), 10))).isEmpty();
        assertThat(inTransaction(() -> reservations.expiringBy(far, 10))).hasSize(4);
        assertThatThrownBy(() -> inTransaction(() -> reservations.expiringBy(at(1), 0)))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
