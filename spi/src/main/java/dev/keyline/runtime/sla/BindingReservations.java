package dev.keyline.runtime.sla;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.ReservationCancelled;
import dev.keyline.domain.resource.ReservationCompleted;
import dev.keyline.domain.resource.ReservationExpired;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationMade;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationReleased;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaReservationReference;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import java.util.Optional;

/**
 * The reaction that keeps an SLA's book of binding reservations in step with the resources area.
 *
 * <p>A reservation made with purpose {@link ReservationPurpose#SLA} carries an
 * {@link SlaReservationReference} ({@code <SLA id>/<product>}) as its reference; on
 * {@code resource.reservation-made} the reaction records it on that SLA
 * ({@link ServiceLevelAgreement#recordBindingReservation}) under the reservation's id, with its
 * units, at the time it was made. When the reservation ends ({@code resource.reservation-released},
 * {@code -cancelled}, {@code -expired} or {@code -completed}: its units are no longer kept in
 * reserve, whether they went back to the pool or into service) the reaction finds the SLA that
 * recorded it and records the release ({@link ServiceLevelAgreement#recordReservationReleased}).
 * Reservations made for orders are none of its business and change nothing.
 *
 * <p>It runs on the relay in its own transaction, once per event (the relay's receipt), and is
 * idempotent by state as well: a reservation already recorded, or already released, records nothing
 * twice. A reservation whose reference names no SLA, is not of the form {@code <SLA id>/<product>},
 * names a product the SLA has no agreement for, or an SLA not in force, fails for good
 * ({@link PermanentDeliveryException}, naming the reason): the relay dead-letters the event.
 */
public final class BindingReservations {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "sla.binding-reservations";

    private BindingReservations() {
    }

    /**
     * The reaction over a storage provider that stores the SLA area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store the SLA area
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        ServiceLevelAgreementRepository slas = storage.port(ServiceLevelAgreementRepository.class);
        return Reaction.of(REACTION, (event, context) -> apply(slas, event, context), ReservationMade.TYPE,
                ReservationReleased.TYPE, ReservationCancelled.TYPE, ReservationExpired.TYPE, ReservationCompleted.TYPE);
    }

    private static void apply(ServiceLevelAgreementRepository slas, DomainEvent event, CommandContext context) {
        if (event instanceof ReservationMade made) {
            if (made.purpose() == ReservationPurpose.SLA) {
                record(slas, made, context);
            }
        } else if (event instanceof ReservationReleased e) {
            release(slas, e.reservation(), event, context);
        } else if (event instanceof ReservationCancelled e) {
            release(slas, e.reservation(), event, context);
        } else if (event instanceof ReservationExpired e) {
            release(slas, e.reservation(), event, context);
        } else if (event instanceof ReservationCompleted e) {
            release(slas, e.reservation(), event, context);
        } else {
            throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                    + event.type() + "'");
        }
    }

    private static void record(ServiceLevelAgreementRepository slas, ReservationMade made, CommandContext context) {
        SlaReservationReference names;
        try {
            names = SlaReservationReference.parse(made.reference());
        } catch (InvalidArgumentException e) {
            throw refused(made, e.getMessage(), e);
        }
        Optional<ServiceLevelAgreement> found = slas.find(names.sla());
        if (found.isEmpty()) {
            throw refused(made, "there is no SLA " + names.sla(), null);
        }
        ServiceLevelAgreement sla = found.get();
        String reference = made.reservation().value();
        if (sla.reservations().stream().anyMatch(r -> r.reference().equals(reference))) {
            return;
        }
        try {
            sla.recordBindingReservation(reference, names.product(), Math.toIntExact(made.units().size()),
                    made.occurredAt());
        } catch (InvalidArgumentException | InvalidStateException | ArithmeticException e) {
            throw refused(made, e.getMessage(), e);
        }
        context.save(slas, sla);
    }

    private static void release(ServiceLevelAgreementRepository slas, ReservationId reservation, DomainEvent event,
            CommandContext context) {
        String reference = reservation.value();
        Optional<ServiceLevelAgreement> found = slas.recordingReservation(reference).flatMap(slas::find);
        if (found.isEmpty()) {
            return;
        }
        ServiceLevelAgreement sla = found.get();
        if (sla.heldReservations().stream().noneMatch(r -> r.reference().equals(reference))) {
            return;
        }
        sla.recordReservationReleased(reference, event.occurredAt());
        context.save(slas, sla);
    }

    private static PermanentDeliveryException refused(ReservationMade made, String reason, Throwable cause) {
        return new PermanentDeliveryException("binding reservation " + made.reservation() + " with reference '"
                + made.reference() + "' cannot be recorded on an SLA: " + reason, cause);
    }
}
