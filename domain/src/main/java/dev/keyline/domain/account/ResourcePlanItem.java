package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of an account plan's resource plan (资源计划): how much of a product the account will
 * need, by when; the forecast the network centre plans its resources from.
 *
 * @param number its number in the plan, from 1
 * @param product the product
 * @param quantity how many units, positive
 * @param neededBy when they are needed
 * @param note a free note, may be empty (trimmed)
 * @param fulfilledAt when the need was met, once fulfilled
 * @param fulfilledBy who recorded it as met, once fulfilled
 */
public record ResourcePlanItem(int number, ProductCode product, int quantity, LocalDate neededBy, String note,
        Optional<Instant> fulfilledAt, Optional<UserId> fulfilledBy) {

    /**
     * Validates the item.
     *
     * @param number its number in the plan, from 1
     * @param product the product
     * @param quantity how many units, positive
     * @param neededBy when they are needed
     * @param note a free note, may be empty (trimmed)
     * @param fulfilledAt when the need was met, once fulfilled
     * @param fulfilledBy who recorded it as met, once fulfilled
     */
    public ResourcePlanItem {
        Require.positive(number, "number");
        Require.nonNull(product, "product");
        Require.positive(quantity, "quantity");
        Require.nonNull(neededBy, "neededBy");
        Require.nonNull(note, "note");
        note = note.strip();
        Limits.length(note, "note", Limits.TEXT_LENGTH);
        Require.nonNull(fulfilledAt, "fulfilledAt");
        Require.nonNull(fulfilledBy, "fulfilledBy");
        if (fulfilledAt.isPresent() != fulfilledBy.isPresent()) {
            throw new InvalidArgumentException("fulfilledBy", "must be present exactly when fulfilledAt is");
        }
    }

    /** {@return whether the need was met} */
    public boolean isFulfilled() {
        return fulfilledAt.isPresent();
    }

    ResourcePlanItem fulfilled(UserId by, Instant at) {
        return new ResourcePlanItem(number, product, quantity, neededBy, note, Optional.of(at), Optional.of(by));
    }
}
