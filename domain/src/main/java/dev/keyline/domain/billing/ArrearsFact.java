package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What billing (计费帐务) reports about one bill of one key account: that it was issued, or that
 * part of it was paid or written off. Facts are append-only: a bill's state on any date is the
 * fold of its facts dated up to then ({@link ArrearsFold}).
 *
 * @param id the fact id
 * @param account the account billed
 * @param bill the bill
 * @param kind issued, paid or written off
 * @param amount the amount billed, paid or written off; positive
 * @param on the date of the bill, payment or write-off
 * @param due for {@link ArrearsFactKind#BILLED} the due date, not before {@code on}; empty otherwise
 * @param recordedAt when billing recorded the fact
 */
public record ArrearsFact(ArrearsFactId id, AccountId account, BillId bill, ArrearsFactKind kind, Money amount,
        LocalDate on, Optional<LocalDate> due, Instant recordedAt) {

    /**
     * Validates the fact.
     *
     * @param id the fact id
     * @param account the account billed
     * @param bill the bill
     * @param kind issued, paid or written off
     * @param amount the amount billed, paid or written off; positive
     * @param on the date of the bill, payment or write-off
     * @param due for {@link ArrearsFactKind#BILLED} the due date, not before {@code on}; empty otherwise
     * @param recordedAt when billing recorded the fact
     */
    public ArrearsFact {
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(bill, "bill");
        Require.nonNull(kind, "kind");
        Limits.money(amount, "amount");
        Require.that(amount.isPositive(), "amount", () -> "must be positive, was " + amount);
        Require.nonNull(on, "on");
        Require.nonNull(due, "due");
        Require.nonNull(recordedAt, "recordedAt");
        if (kind == ArrearsFactKind.BILLED) {
            Require.that(due.isPresent(), "due", "a billed fact names its due date");
            Require.that(!due.get().isBefore(on), "due", () -> "must not be before the bill date " + on + ", was " + due.get());
        } else if (due.isPresent()) {
            throw new InvalidArgumentException("due", "only a billed fact has a due date, a " + kind + " fact has none");
        }
    }

    /**
     * A bill issued.
     *
     * @param id the fact id
     * @param account the account
     * @param bill the bill
     * @param amount the amount billed
     * @param billedOn the bill date
     * @param due the due date
     * @param recordedAt when it was recorded
     * @return the fact
     */
    public static ArrearsFact billed(ArrearsFactId id, AccountId account, BillId bill, Money amount, LocalDate billedOn,
            LocalDate due, Instant recordedAt) {
        Require.nonNull(billedOn, "billedOn");
        return new ArrearsFact(id, account, bill, ArrearsFactKind.BILLED, amount, billedOn, Optional.of(Require.nonNull(due, "due")),
                recordedAt);
    }

    /**
     * A payment or write-off on a bill.
     *
     * @param id the fact id
     * @param account the account
     * @param bill the bill
     * @param kind {@link ArrearsFactKind#PAID} or {@link ArrearsFactKind#WRITTEN_OFF}
     * @param amount the amount settled
     * @param on the date of the payment or write-off
     * @param recordedAt when it was recorded
     * @return the fact
     */
    public static ArrearsFact settled(ArrearsFactId id, AccountId account, BillId bill, ArrearsFactKind kind, Money amount,
            LocalDate on, Instant recordedAt) {
        Require.nonNull(kind, "kind");
        Require.that(kind.isSettlement(), "kind", () -> "must be PAID or WRITTEN_OFF, was " + kind);
        return new ArrearsFact(id, account, bill, kind, amount, on, Optional.empty(), recordedAt);
    }
}
