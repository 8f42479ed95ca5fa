package dev.keyline.domain.sla;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The completion feedback (竣工反馈) of an order under an SLA: when it was provisioned, and whether
 * that was by its committed date.
 *
 * @param reference the order's reference
 * @param completedOn the business date it was completed, in the SLA's zone
 * @param onTime whether {@code completedOn} is not after the order's committed date
 * @param reportedBy who reported it (the network centre)
 * @param reportedAt when
 */
public record OrderCompletion(String reference, LocalDate completedOn, boolean onTime, UserId reportedBy,
        Instant reportedAt) {

    /**
     * Validates the completion.
     *
     * @param reference the order's reference
     * @param completedOn the business date it was completed, in the SLA's zone
     * @param onTime whether {@code completedOn} is not after the order's committed date
     * @param reportedBy who reported it (the network centre)
     * @param reportedAt when
     * @throws InvalidArgumentException naming the component when one is null or the reference is
     *     not a valid identifier
     */
    public OrderCompletion {
        Identifier.check(reference, "reference");
        Require.nonNull(completedOn, "completedOn");
        Require.nonNull(reportedBy, "reportedBy");
        Require.nonNull(reportedAt, "reportedAt");
    }
}
