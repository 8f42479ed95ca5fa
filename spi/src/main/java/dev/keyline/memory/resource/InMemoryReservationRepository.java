package dev.keyline.memory.resource;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.resource.ReservationRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The reservations of an {@link InMemoryStorage}. */
final class InMemoryReservationRepository
        extends InMemoryAggregateRepository<Reservation, ReservationId, ReservationSnapshot>
        implements ReservationRepository {

    InMemoryReservationRepository(InMemoryStorage storage) {
        super(storage, "reservation", ReservationSnapshot.class, Reservation::snapshot, Reservation::restore);
    }

    @Override
    public List<Reservation> expiringBy(Instant instant, int limit) {
        Require.nonNull(instant, "instant");
        Require.positive(limit, "limit");
        return table().scan(s -> s.state() == ReservationState.IN_PROGRESS && !s.expiresAt().isAfter(instant))
                .sorted(Comparator.comparing(ReservationSnapshot::expiresAt).thenComparing(s -> s.id().value()))
                .limit(limit).map(this::restore).toList();
    }
}
