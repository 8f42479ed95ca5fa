package dev.keyline.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Folding random streams of arrears facts: the age bands always sum to the total arrears, each
 * bill's outstanding amount lands in the band of its age (checked against a per-bill model), the
 * oldest unpaid due date is the oldest overdue bill's, and the arrears-rate input agrees with the
 * ageing on the period's last day.
 */
class BillingArrearsProperties {

    static final AccountId ACME = new AccountId("ACME");
    static final AccountId OTHER = new AccountId("OTHER");
    static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void ageingBandsAlwaysSumToTheTotalArrears() {
        qt().withExamples(500).forAll(lists().of(lists().of(integers().between(0, 1_000_000)).ofSize(5)).ofSizeBetween(0, 40),
                integers().between(0, 400), lists().of(integers().between(1, 200)).ofSizeBetween(1, 5))
                .checkAssert((ops, asOfDay, rawBounds) -> {
                    AgeBands bands = new AgeBands(increasing(rawBounds));
                    List<ArrearsFact> facts = facts(ops);
                    LocalDate asOf = START.plusDays(asOfDay);
                    ArrearsAgeing ageing = ArrearsFold.ageing(facts, ACME, asOf, bands, Money.CNY);
                    Money sum = ageing.byBand().stream().reduce(Money.zero(), Money::plus);
                    assertThat(sum).isEqualTo(ageing.total());
                    // an independent per-bill model
                    Money[] expected = new Money[bands.count()];
                    java.util.Arrays.fill(expected, Money.zero());
                    Money outstanding = Money.zero();
                    LocalDate oldest = null;
                    for (ArrearsFact billed : facts) {
                        if (billed.kind() != ArrearsFactKind.BILLED || !billed.account().equals(ACME) || billed.on().isAfter(asOf)) {
                            continue;
                        }
                        Money open = billed.amount();
                        for (ArrearsFact s : facts) {
                            if (s.kind().isSettlement() && s.bill().equals(billed.bill()) && s.account().equals(ACME)
                                    && !s.on().isAfter(asOf)) {
                                open = open.minus(s.amount());
                            }
                        }
                        if (!open.isPositive()) {
                            continue;
                        }
                        outstanding = outstanding.plus(open);
                        LocalDate due = billed.due().orElseThrow();
                        long days = ChronoUnit.DAYS.between(due, asOf);
                        if (days > 0) {
                            int band = 0;
                            while (band < bands.upperBounds().size() && days > bands.upperBounds().get(band)) {
                                band++;
                            }
                            expected[band] = expected[band].plus(open);
                            oldest = oldest == null || due.isBefore(oldest) ? due : oldest;
                        }
                    }
                    assertThat(ageing.byBand()).containsExactly(expected);
                    assertThat(ageing.outstanding()).isEqualTo(outstanding);
                    assertThat(ageing.oldestUnpaidDue()).isEqualTo(java.util.Optional.ofNullable(oldest));
                    Period month = Period.month(YearMonth.from(asOf));
                    ArrearsRateInput rate = ArrearsFold.rateInput(facts, ACME, month, Money.CNY);
                    assertThat(rate.overdue()).isEqualTo(ArrearsFold.ageing(facts, ACME,
                            month.endExclusive().minusDays(1), bands, Money.CNY).total());
                });
    }

    /** A stream of bills and settlements: op = [kind, bill, amount, day, account]. */
    static List<ArrearsFact> facts(List<List<Integer>> ops) {
        List<ArrearsFact> facts = new ArrayList<>();
        java.util.Map<String, LocalDate> billedOn = new java.util.HashMap<>();
        int n = 0;
        for (List<Integer> op : ops) {
            AccountId account = op.get(4) % 5 == 0 ? OTHER : ACME;
            String bill = "B-" + (op.get(1) % 8);
            String key = account + "/" + bill;
            Money amount = Money.ofCents(1 + op.get(2) % 100_000, Money.CNY);
            LocalDate day = START.plusDays(op.get(3) % 300);
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++n);
            if (!billedOn.containsKey(key)) {
                billedOn.put(key, day);
                facts.add(ArrearsFact.billed(new ArrearsFactId("F-" + n), account, new BillId(bill), amount, day,
                        day.plusDays(op.get(0) % 45), at));
            } else {
                ArrearsFactKind kind = op.get(0) % 2 == 0 ? ArrearsFactKind.PAID : ArrearsFactKind.WRITTEN_OFF;
                LocalDate on = day.isBefore(billedOn.get(key)) ? billedOn.get(key) : day;
                facts.add(ArrearsFact.settled(new ArrearsFactId("F-" + n), account, new BillId(bill), kind, amount, on, at));
            }
        }
        return facts;
    }

    static List<Integer> increasing(List<Integer> raw) {
        List<Integer> bounds = new ArrayList<>();
        int sum = 0;
        for (int step : raw) {
            sum += step;
            bounds.add(sum);
        }
        return bounds;
    }
}
