package dev.keyline.domain.budget;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A commitment, a commitment's reversal or an actual cost a {@link CapexProject} booked, with the
 * document it came from. The project keeps these as its own record; the budget line's ledger is
 * the budget's.
 *
 * @param kind what is booked
 * @param document the id of the document confirmed (a request, an order, an invoice)
 * @param amount the amount; above zero
 * @param by who booked it
 * @param at when
 */
public record CapexBooking(CapexBookingKind kind, String document, Money amount, UserId by, Instant at) {

    /**
     * Validates the booking.
     *
     * @param kind what is booked
     * @param document the id of the document confirmed (a request, an order, an invoice)
     * @param amount the amount; above zero
     * @param by who booked it
     * @param at when
     * @throws InvalidArgumentException naming the component that is null, {@code document} when it
     *     is not a valid identifier, or {@code amount} when it is not above zero or out of range
     */
    public CapexBooking {
        Require.nonNull(kind, "kind");
        Identifier.check(document, "document");
        Limits.money(amount, "amount");
        Require.that(amount.isPositive(), "amount", () -> "must be above zero, was " + amount);
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
    }
}
