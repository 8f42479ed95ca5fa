package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How billing's {@link ArrearsFact}s add up. On a date {@code d}, a bill counts when it was billed
 * on or before {@code d}; what is outstanding on it is its amount less its payments and
 * write-offs dated on or before {@code d} (never below zero). It is overdue when its due date is
 * before {@code d}, and then it is {@code d − due} days old (at least 1) and falls in that age
 * band. Facts of other accounts are ignored; settlements of a bill without a billed fact count
 * nothing. Every amount of the account must be in the one given currency.
 */
public final class ArrearsFold {

    private ArrearsFold() {
    }

    /**
     * One account's arrears on a date by age band.
     *
     * @param facts billing's facts, in any order
     * @param account the account
     * @param asOf the date
     * @param bands the age bands
     * @param currency the account's currency
     * @return the ageing; its bands sum to its total
     */
    public static ArrearsAgeing ageing(Collection<ArrearsFact> facts, AccountId account, LocalDate asOf, AgeBands bands,
            Currency currency) {
        Require.nonNull(asOf, "asOf");
        Require.nonNull(bands, "bands");
        Map<BillId, Bill> bills = bills(facts, account, asOf, currency);
        List<Money> byBand = new ArrayList<>();
        for (int i = 0; i < bands.count(); i++) {
            byBand.add(Money.zero(currency));
        }
        Money total = Money.zero(currency);
        Money outstanding = Money.zero(currency);
        LocalDate oldest = null;
        for (Bill bill : bills.values()) {
            Money open = bill.open();
            if (!open.isPositive()) {
                continue;
            }
            outstanding = outstanding.plus(open);
            if (!bill.due.isBefore(asOf)) {
                continue;
            }
            int band = bands.bandOf(ChronoUnit.DAYS.between(bill.due, asOf));
            byBand.set(band, byBand.get(band).plus(open));
            total = total.plus(open);
            if (oldest == null || bill.due.isBefore(oldest)) {
                oldest = bill.due;
            }
        }
        return new ArrearsAgeing(asOf, bands, byBand, total, outstanding, Optional.ofNullable(oldest));
    }

    /**
     * The arrears-rate inputs of one account for a period: what was overdue on the period's last
     * day, and what was billed with a bill date in the period.
     *
     * @param facts billing's facts
     * @param account the account
     * @param period the period
     * @param currency the account's currency
     * @return the inputs
     */
    public static ArrearsRateInput rateInput(Collection<ArrearsFact> facts, AccountId account, Period period,
            Currency currency) {
        Require.nonNull(period, "period");
        LocalDate last = period.endExclusive().minusDays(1);
        Map<BillId, Bill> bills = bills(facts, account, last, currency);
        Money billed = Money.zero(currency);
        Money overdue = Money.zero(currency);
        for (Bill bill : bills.values()) {
            if (period.contains(bill.billedOn)) {
                billed = billed.plus(bill.amount);
            }
            if (bill.due.isBefore(last) && bill.open().isPositive()) {
                overdue = overdue.plus(bill.open());
            }
        }
        return new ArrearsRateInput(period, overdue, billed);
    }

    private static Map<BillId, Bill> bills(Collection<ArrearsFact> facts, AccountId account, LocalDate asOf,
            Currency currency) {
        Require.nonNullElements(facts, "facts");
        Require.nonNull(account, "account");
        Require.nonNull(currency, "currency");
        Map<BillId, Bill> bills = new TreeMap<>(java.util.Comparator.comparing(BillId::value));
        Map<BillId, Money> settled = new TreeMap<>(java.util.Comparator.comparing(BillId::value));
        for (ArrearsFact fact : facts) {
            if (!fact.account().equals(account) || fact.on().isAfter(asOf)) {
                continue;
            }
            if (!fact.amount().currency().equals(currency)) {
                throw new InvalidArgumentException("facts", "fact " + fact.id() + " of " + account + " is in "
                        + fact.amount().currency() + ", the account's currency is " + currency);
            }
            if (fact.kind() == ArrearsFactKind.BILLED) {
                if (bills.put(fact.bill(), new Bill(fact.amount(), fact.on(), fact.due().orElseThrow())) != null) {
                    throw new InvalidArgumentException("facts", "bill " + fact.bill() + " is billed twice");
                }
            } else {
                settled.merge(fact.bill(), fact.amount(), Money::plus);
            }
        }
        settled.forEach((bill, amount) -> {
            Bill b = bills.get(bill);
            if (b != null) {
                b.settled = amount;
            }
        });
        return bills;
    }

    private static final class Bill {
        private final Money amount;
        private final LocalDate billedOn;
        private final LocalDate due;
        private Money settled;

        private Bill(Money amount, LocalDate billedOn, LocalDate due) {
            this.amount = amount;
            this.billedOn = billedOn;
            this.due = due;
            this.settled = Money.zero(amount.currency());
        }

        private Money open() {
            Money open = amount.minus(settled);
            return open.isNegative() ? Money.zero(amount.currency()) : open;
        }
    }
}
