package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * What a reservation (资源预占) asks for: how many units, for which key account and purpose, for which period
 * of use, and until when they are held unallocated.
 *
 * @param holder the key account the units are for
 * @param purpose an order or an SLA; an SLA reservation is binding
 * @param reference the order's or SLA's reference, at most {@value Limits#NAME_LENGTH} characters
 * @param units how many units, at least 1
 * @param start when the use of the units starts
 * @param end when it ends, after {@code start}
 * @param expiresAt until when unallocated units are held; not after {@code end}
 */
public record ReservationTerms(AccountId holder, ReservationPurpose purpose, String reference, long units,
        Instant start, Instant end, Instant expiresAt) {

    /**
     * Validates the terms.
     *
     * @param holder the key account the units are for
     * @param purpose an order or an SLA; an SLA reservation is binding
     * @param reference the order's or SLA's reference, at most {@value Limits#NAME_LENGTH} characters
     * @param units how many units, at least 1
     * @param start when the use of the units starts
     * @param end when it ends, after {@code start}
     * @param expiresAt until when unallocated units are held; not after {@code end}
     * @throws InvalidArgumentException naming the component that is null, blank, too long or out of order
     */
    public ReservationTerms {
        Require.nonNull(holder, "holder");
        Require.nonNull(purpose, "purpose");
        Require.text(reference, "reference", Limits.NAME_LENGTH);
        Require.positive(units, "units");
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        Require.nonNull(expiresAt, "expiresAt");
        Require.that(end.isAfter(start), "end", () -> "must be after the start " + start + ", was " + end);
        Require.that(!expiresAt.isAfter(end), "expiresAt", () -> "must not be after the end " + end + ", was " + expiresAt);
    }

    /**
     * Whether a reservation on these terms is binding: made against an SLA.
     *
     * @return true for {@link ReservationPurpose#SLA}
     */
    public boolean binding() {
        return purpose == ReservationPurpose.SLA;
    }
}
