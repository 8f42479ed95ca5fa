package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A key account as the churn rate sees it: since when it has been a key account and the day, if
 * any, it left.
 *
 * @param id the account's id, 1 to {@value Limits#ID_LENGTH} characters
 * @param keySince the first day it was a key account
 * @param leftOn the day it left (离网), not before {@code keySince}; empty while it stays
 */
public record AccountFact(String id, LocalDate keySince, Optional<LocalDate> leftOn) {

    /**
     * Validates the fact.
     *
     * @param id the account's id, 1 to {@value Limits#ID_LENGTH} characters
     * @param keySince the first day it was a key account
     * @param leftOn the day it left (离网), not before {@code keySince}; empty while it stays
     * @throws InvalidArgumentException when an argument is null, the id is blank or too long, or
     *     the account left before it became a key account
     */
    public AccountFact {
        Require.text(id, "id", Limits.ID_LENGTH);
        Require.nonNull(keySince, "keySince");
        Require.nonNull(leftOn, "leftOn");
        leftOn.ifPresent(d -> Require.that(!d.isBefore(keySince), "leftOn",
                () -> "must not be before keySince " + keySince + ", was " + d));
    }

    /**
     * Whether the account was a key account on a day: it had become one and had not left before it.
     *
     * @param day the day
     * @return true when {@code keySince ≤ day} and {@code leftOn} is absent or not before {@code day}
     */
    public boolean keyOn(LocalDate day) {
        Require.nonNull(day, "day");
        return !keySince.isAfter(day) && leftOn.map(d -> !d.isBefore(day)).orElse(true);
    }
}
