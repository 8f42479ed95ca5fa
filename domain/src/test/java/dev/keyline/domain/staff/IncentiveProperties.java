package dev.keyline.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.ScorecardResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random scorecard results and base amounts against an {@link IncentiveLedger}: an incomplete
 * scorecard is always refused with {@link IncompleteScorecardException} naming exactly its missing
 * KPIs, and the ledger is left unchanged; a complete one records {@code base × factor} of its band,
 * rounded half-even to the cent, with the calculation's inputs; a second award for the same
 * assessment is refused; the snapshot round-trips after every step.
 */
class IncentiveProperties {

    private static final UserId DGM = new UserId("dgm");
    private static final Instant AT = Instant.parse("2027-04-02T02:00:00Z");

    @Test
    void incompleteScorecardsAreRefusedAndCompleteOnesPayBaseTimesFactor() {
        qt().withExamples(300).forAll(
                lists().of(lists().of(integers().between(0, 1_000_000)).ofSize(2)).ofSizeBetween(1, 20),
                longs().between(0, 100_000_000L), integers().between(0, 20_000), integers().between(0, 10_000))
                .checkAssert((ops, baseCents, greenPlus, red) -> {
                    BigDecimal redFactor = BigDecimal.valueOf(red, 4);
                    BigDecimal amberFactor = redFactor.add(BigDecimal.valueOf(greenPlus / 2, 4)).min(BigDecimal.TEN);
                    BigDecimal greenFactor = amberFactor.add(BigDecimal.valueOf(greenPlus - greenPlus / 2, 4))
                            .min(BigDecimal.TEN);
                    IncentiveTable table = new IncentiveTable(greenFactor, amberFactor, redFactor);
                    IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz"), table, DGM, AT);
                    for (List<Integer> op : ops) {
                        int bits = op.get(0);
                        int lines = 1 + bits % 4;
                        boolean[] valued = new boolean[lines];
                        for (int i = 0; i < lines; i++) {
                            valued[i] = (bits >> (2 + i)) % 4 != 0;
                        }
                        Band band = Band.values()[op.get(1) % 3];
                        Period period = Period.month(YearMonth.of(2027, 1 + op.get(1) % 12));
                        ScorecardResult result = IncentiveSamples.result(band, period, valued);
                        UserId recipient = new UserId("am" + op.get(1) % 5);
                        Money base = Money.ofCents(baseCents + op.get(0), Money.CNY);
                        IncentiveLedgerSnapshot before = ledger.snapshot();
                        List<DomainEvent> events = ledger.pendingEvents();
                        boolean paidAlready = ledger.awards().stream()
                                .anyMatch(a -> a.recipient().equals(recipient) && a.period().equals(period));
                        if (!result.isComplete()) {
                            assertThatThrownBy(() -> ledger.award(recipient, result, base, DGM, AT))
                                    .isInstanceOfSatisfying(IncompleteScorecardException.class,
                                            e -> assertThat(e.missing()).isEqualTo(result.missing()).isNotEmpty());
                            assertThat(ledger.snapshot()).isEqualTo(before);
                            assertThat(ledger.pendingEvents()).isEqualTo(events);
                        } else if (paidAlready) {
                            assertThatThrownBy(() -> ledger.award(recipient, result, base, DGM, AT))
                                    .isInstanceOf(AlreadyExistsException.class);
                            assertThat(ledger.snapshot()).isEqualTo(before);
                            assertThat(ledger.pendingEvents()).isEqualTo(events);
                        } else {
                            IncentiveAward award = ledger.award(recipient, result, base, DGM, AT);
                            BigDecimal factor = table.factorFor(band);
                            assertThat(award.amount().amount()).isEqualByComparingTo(
                                    base.amount().multiply(factor).setScale(2, RoundingMode.HALF_EVEN));
                            assertThat(award.factor()).isEqualByComparingTo(factor);
                            assertThat(award.band()).isEqualTo(band);
                            assertThat(award.base()).isEqualTo(base);
                            assertThat(award.period()).isEqualTo(period);
                            assertThat(award.scorecard()).isEqualTo(result.scorecard());
                            assertThat(ledger.awards()).hasSize(before.awards().size() + 1);
                            assertThat(ledger.pendingEvents()).hasSize(events.size() + 1);
                            assertThat(ledger.pendingEvents().get(events.size())).isInstanceOfSatisfying(
                                    IncentiveAwarded.class, e -> assertThat(e.award()).isEqualTo(award));
                        }
                        assertThat(IncentiveLedger.restore(ledger.snapshot()).snapshot()).isEqualTo(ledger.snapshot());
                    }
                });
    }

    @Test
    void aBetterBandNeverPaysLess() {
        qt().withExamples(200).forAll(integers().between(0, 100_000), integers().between(0, 100_000),
                integers().between(0, 100_000), longs().between(0, 1_000_000_000L))
                .checkAssert((g, a, r, cents) -> {
                    BigDecimal green = BigDecimal.valueOf(g, 4);
                    BigDecimal amber = BigDecimal.valueOf(a, 4);
                    BigDecimal red = BigDecimal.valueOf(r, 4);
                    if (green.compareTo(amber) < 0 || amber.compareTo(red) < 0) {
                        assertThatThrownBy(() -> new IncentiveTable(green, amber, red))
                                .hasMessageContaining("a better band never pays less");
                        return;
                    }
                    IncentiveTable table = new IncentiveTable(green, amber, red);
                    Money base = Money.ofCents(cents, Money.CNY);
                    IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz"), table, DGM, AT);
                    Money paidGreen = ledger.calculate(DGM, IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH),
                            base, DGM, AT).amount();
                    Money paidAmber = ledger.calculate(DGM, IncentiveSamples.complete(Band.AMBER, IncentiveSamples.MARCH),
                            base, DGM, AT).amount();
                    Money paidRed = ledger.calculate(DGM, IncentiveSamples.complete(Band.RED, IncentiveSamples.MARCH),
                            base, DGM, AT).amount();
                    assertThat(paidGreen).isGreaterThanOrEqualTo(paidAmber);
                    assertThat(paidAmber).isGreaterThanOrEqualTo(paidRed);
                    assertThat(ledger.awards()).isEmpty();
                });
    }
}
