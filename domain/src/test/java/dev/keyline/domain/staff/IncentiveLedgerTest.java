package dev.keyline.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the incentive table's rules and of the ledger's calculations. */
class IncentiveLedgerTest {

    private static final UserId DGM = new UserId("dgm");
    private static final UserId ALICE = new UserId("alice");
    private static final Instant AT = Instant.parse("2027-04-02T02:00:00Z");

    @Test
    void theStandardTablePaysGreenTwelveAmberTenRedEightTenths() {
        IncentiveTable table = IncentiveTable.standard();
        assertThat(table.factorFor(Band.GREEN)).isEqualTo(new BigDecimal("1.2000"));
        assertThat(table.factorFor(Band.AMBER)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(table.factorFor(Band.RED)).isEqualTo(new BigDecimal("0.8000"));
        assertThat(IncentiveTable.of("1.2", "1", "0.80")).isEqualTo(table);
    }

    @Test
    void aTableMustBeOrderedNonNegativeAndPrecise() {
        assertThatThrownBy(() -> IncentiveTable.of("1.0", "1.1", "0.8")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("amber").hasMessageContaining("never pays less");
        assertThatThrownBy(() -> IncentiveTable.of("1.0", "0.9", "-0.1")).hasMessageContaining("red")
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> IncentiveTable.of("1.00001", "1", "1")).hasMessageContaining("decimals");
        assertThatThrownBy(() -> IncentiveTable.of("11", "1", "1")).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> IncentiveTable.of("x", "1", "1")).hasMessageContaining("green");
        assertThat(IncentiveTable.of("1", "1", "0").factorFor(Band.RED)).isZero();
    }

    @Test
    void anAwardRecordsWhatItWasComputedFrom() {
        IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz"), IncentiveTable.standard(), DGM, AT);
        IncentiveAward award = ledger.award(ALICE, IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH),
                Money.cny("1000.05"), DGM, AT);
        assertThat(award.amount()).isEqualTo(Money.cny("1200.06"));
        assertThat(award.band()).isEqualTo(Band.GREEN);
        assertThat(award.scorecard()).isEqualTo("key-account-department");
        assertThat(award.period()).isEqualTo(IncentiveSamples.MARCH);
        assertThat(award.unit()).isEqualTo(IncentiveSamples.UNIT);
        assertThat(ledger.awardsFor(IncentiveSamples.MARCH)).containsExactly(award);
        assertThat(ledger.pendingEvents()).hasSize(2);
    }

    @Test
    void anIncompleteScorecardNamesItsMissingKpis() {
        IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz"), IncentiveTable.standard(), DGM, AT);
        assertThatThrownBy(() -> ledger.award(ALICE, IncentiveSamples.result(Band.GREEN, IncentiveSamples.MARCH,
                new boolean[] {true, false, false}), Money.cny("100"), DGM, AT))
                .isInstanceOfSatisfying(IncompleteScorecardException.class, e -> assertThat(e.missing())
                        .containsExactly(KpiId.of("customer-satisfaction"), KpiId.of("customer-spend")))
                .hasMessageContaining("customer-satisfaction").hasMessageContaining("customer-spend");
        assertThat(ledger.awards()).isEmpty();
    }

    @Test
    void aNewTableAppliesToLaterAwardsOnly() {
        IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz"), IncentiveTable.standard(), DGM, AT);
        IncentiveAward first = ledger.award(ALICE, IncentiveSamples.complete(Band.RED, IncentiveSamples.MARCH),
                Money.cny("100"), DGM, AT);
        ledger.changeTable(IncentiveTable.of("1.5", "1", "0.5"), DGM, AT);
        IncentiveAward second = ledger.award(ALICE, IncentiveSamples.complete(Band.RED, IncentiveSamples.MARCH.next()),
                Money.cny("100"), DGM, AT);
        assertThat(first.amount()).isEqualTo(Money.cny("80"));
        assertThat(second.amount()).isEqualTo(Money.cny("50"));
        assertThat(IncentiveLedger.restore(ledger.snapshot()).awards()).containsExactly(first, second);
    }

    @Test
    void restoreRefusesALedgerWithoutTableOrWithADoubleAward() {
        IncentiveLedger ledger = IncentiveLedger.open(new IncentiveLedgerId("sz"), IncentiveTable.standard(), DGM, AT);
        IncentiveAward award = ledger.award(ALICE, IncentiveSamples.complete(Band.RED, IncentiveSamples.MARCH),
                Money.cny("100"), DGM, AT);
        assertThatThrownBy(() -> IncentiveLedger.restore(new IncentiveLedgerSnapshot(ledger.id(), 1, List.of(),
                List.of()))).isInstanceOf(CorruptStateException.class).hasMessageContaining("no incentive table");
        assertThatThrownBy(() -> IncentiveLedger.restore(new IncentiveLedgerSnapshot(ledger.id(), 1, ledger.tables(),
                List.of(award, award)))).isInstanceOf(CorruptStateException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new IncentiveAward(ALICE, "s", award.role(), award.unit(), award.period(), Band.RED,
                award.factor(), award.base(), Money.cny("81"), DGM, AT)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("amount");
    }
}
