package dev.keyline.domain.billing;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One account's arrears (欠费) on one date by age band (账龄), as {@link ArrearsFold} computes them
 * from billing's facts. The bands always sum to the total arrears.
 *
 * @param asOf the date
 * @param bands the age bands
 * @param byBand the overdue amount in each band, one per band, none negative, all in one currency
 * @param total the arrears: the sum of {@code byBand}
 * @param outstanding everything billed and not yet paid or written off, due or not: the exposure,
 *     at least {@code total}
 * @param oldestUnpaidDue the due date of the oldest overdue bill; present exactly when
 *     {@code total} is positive, before {@code asOf}
 */
public record ArrearsAgeing(LocalDate asOf, AgeBands bands, List<Money> byBand, Money total, Money outstanding,
        Optional<LocalDate> oldestUnpaidDue) {

    /**
     * Validates the ageing, among other things that the bands sum to the total.
     *
     * @param asOf the date
     * @param bands the age bands
     * @param byBand the overdue amount in each band, one per band, none negative, all in one currency
     * @param total the arrears: the sum of {@code byBand}
     * @param outstanding everything billed and not yet paid or written off, due or not: the exposure, at least {@code total}
     * @param oldestUnpaidDue the due date of the oldest overdue bill; present exactly when {@code total} is positive, before {@code asOf}
     */
    public ArrearsAgeing {
        Require.nonNull(asOf, "asOf");
        Require.nonNull(bands, "bands");
        byBand = Require.nonNullElements(byBand, "byBand");
        Require.nonNull(total, "total");
        Require.nonNull(outstanding, "outstanding");
        Require.nonNull(oldestUnpaidDue, "oldestUnpaidDue");
        if (byBand.size() != bands.count()) {
            throw new InvalidArgumentException("byBand", "must hold one amount per band (" + bands.count()
                    + "), held " + byBand.size());
        }
        Money sum = Money.zero(total.currency());
        for (Money m : byBand) {
            Require.that(m.currency().equals(total.currency()), "byBand", () -> "must be in " + total.currency() + ", held " + m);
            Require.that(!m.isNegative(), "byBand", () -> "must not be negative, held " + m);
            sum = sum.plus(m);
        }
        if (!sum.equals(total)) {
            throw new InvalidArgumentException("total", "must be the sum of the bands " + sum + ", was " + total);
        }
        Require.that(outstanding.currency().equals(total.currency()), "outstanding", () -> "must be in " + total.currency());
        Require.that(outstanding.compareTo(total) >= 0, "outstanding", () -> "must be at least the arrears " + total + ", was " + outstanding);
        if (total.isPositive() != oldestUnpaidDue.isPresent()) {
            throw new InvalidArgumentException("oldestUnpaidDue", "must be present exactly when there are arrears");
        }
        oldestUnpaidDue.ifPresent(d -> Require.that(d.isBefore(asOf), "oldestUnpaidDue", () -> "must be before asOf " + asOf + ", was " + d));
    }

    /**
     * No arrears and nothing outstanding.
     *
     * @param asOf the date
     * @param bands the bands
     * @param currency the currency
     * @return the empty ageing
     */
    public static ArrearsAgeing none(LocalDate asOf, AgeBands bands, Currency currency) {
        Require.nonNull(currency, "currency");
        List<Money> zeros = new ArrayList<>();
        for (int i = 0; i < Require.nonNull(bands, "bands").count(); i++) {
            zeros.add(Money.zero(currency));
        }
        return new ArrearsAgeing(asOf, bands, zeros, Money.zero(currency), Money.zero(currency), Optional.empty());
    }

    /** {@return the currency of every amount} */
    public Currency currency() {
        return total.currency();
    }

    /**
     * The arrears in one band.
     *
     * @param band the band's index, from 0
     * @return its amount
     */
    public Money inBand(int band) {
        Require.that(band >= 0 && band < byBand.size(), "band", () -> "must be 0 to " + (byBand.size() - 1) + ", was " + band);
        return byBand.get(band);
    }
}
