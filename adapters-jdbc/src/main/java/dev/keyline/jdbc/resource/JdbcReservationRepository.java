package dev.keyline.jdbc.resource;

import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.resource.ReservationRepository;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The reservations of a {@link dev.keyline.jdbc.JdbcStorage}: one row per reservation in
 * {@code keyline_reservation}, saved with the optimistic version check and restored through
 * {@link Reservation#restore(ReservationSnapshot)}. Instants are kept to the microsecond. A
 * reservation has no child table; it is a {@link JdbcParentChildRepository} for the states kept
 * of its committed saves, which a command's load trusts without reading the row.
 */
public final class JdbcReservationRepository
        extends JdbcParentChildRepository<Reservation, ReservationId, ReservationSnapshot>
        implements ReservationRepository {

    private static final String TABLE = "keyline_reservation";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcReservationRepository(JdbcSession session) {
        super(session, "reservation", TABLE, "reservation_id", Reservation::snapshot, Reservation::restore);
    }

    @Override
    public List<Reservation> expiringBy(Instant instant, int limit) {
        Require.nonNull(instant, "instant");
        Require.positive(limit, "limit");
        return listWhere("state = ? AND expires_at <= ?", "expires_at, reservation_id FETCH FIRST " + limit + " ROWS ONLY",
                ReservationState.IN_PROGRESS, instant);
    }

    @Override
    protected boolean hasChildTables() {
        return false;
    }

    @Override
    protected String idOf(ReservationSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(ReservationSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<ReservationSnapshot, Reservation> readChildren(List<ReservationSnapshot> parents) {
        return Reservation::restore;
    }

    @Override
    protected ReservationSnapshot parent(Row row) {
        ReservationId id = required(row, "reservation_id", ReservationId::new);
        return stored(() -> "reservation " + id, () -> new ReservationSnapshot(id,
                row.longValue("version"), required(row, "pool_id", PoolId::new), required(row, "account_id", AccountId::new),
                requiredEnum(row, "purpose", ReservationPurpose.class), row.requiredString("reference"),
                row.longValue("requested"), row.longValue("allocated"), row.instant("made_at"), row.instant("starts_at"),
                row.instant("ends_at"), row.instant("expires_at"), requiredEnum(row, "state", ReservationState.class),
                row.instant("closed_at"), row.string("reason")));
    }

    @Override
    protected Columns columns(Reservation r) {
        return Columns.create()
                .set("pool_id", r.pool())
                .set("account_id", r.holder())
                .set("purpose", r.purpose())
                .set("reference", r.reference())
                .set("requested", r.requested())
                .set("allocated", r.allocated())
                .set("made_at", r.madeAt())
                .set("starts_at", r.start())
                .set("ends_at", r.end())
                .set("expires_at", r.expiresAt())
                .set("state", r.state())
                .set("closed_at", r.closedAt())
                .set("reason", r.reason());
    }
}
