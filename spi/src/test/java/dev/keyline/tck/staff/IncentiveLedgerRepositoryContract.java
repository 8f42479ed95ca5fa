package dev.keyline.tck.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedger;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveLedgerSnapshot;
import dev.keyline.domain.staff.IncentiveSamples;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.staff.IncentiveLedgerRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link IncentiveLedgerRepository}: the generic version-conflict tests
 * on real ledgers, and full round trips of their tables and awards (factors, amounts, bands,
 * periods and units exactly as recorded). Run through {@link StaffAreaContract}.
 */
public abstract class IncentiveLedgerRepositoryContract
        extends AggregateRepositoryContract<IncentiveLedger, IncentiveLedgerId, IncentiveLedgerSnapshot> {

    /** Who sets tables and awards. */
    protected static final UserId DGM = new UserId("dgm");

    /** When. */
    protected static final Instant T0 = AccountAreaSamples.T0;

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    private int recipients;

    @Override
    protected AggregateRepository<IncentiveLedger, IncentiveLedgerId> repository(StorageProvider storage) {
        return storage.port(IncentiveLedgerRepository.class);
    }

    @Override
    protected IncentiveLedgerId newId() {
        return new IncentiveLedgerId(samples.nextId("IL"));
    }

    /** A ledger on the standard table with one green award. */
    @Override
    protected IncentiveLedger newAggregate(IncentiveLedgerId id) {
        IncentiveLedger ledger = IncentiveLedger.open(id, IncentiveTable.standard(), DGM, T0);
        ledger.award(new UserId("am-0"), IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH),
                Money.cny("1000.00"), DGM, T0);
        return ledger;
    }

    /** Awards an amber incentive to a new recipient. */
    @Override
    protected void change(IncentiveLedger ledger) {
        ledger.award(new UserId("am-" + ++recipients), IncentiveSamples.complete(Band.AMBER, IncentiveSamples.MARCH),
                Money.cny("333.33"), DGM, T0.plusSeconds(recipients));
    }

    @Override
    protected IncentiveLedgerSnapshot snapshot(IncentiveLedger ledger) {
        return ledger.snapshot();
    }

    @Override
    protected IncentiveLedger restore(IncentiveLedgerSnapshot snapshot) {
        return IncentiveLedger.restore(snapshot);
    }

    /** Appends the first award again: the same person paid twice for one assessment. */
    @Override
    protected IncentiveLedgerSnapshot corrupt(IncentiveLedgerSnapshot s) {
        List<IncentiveAward> awards = new ArrayList<>(s.awards());
        awards.add(awards.get(0));
        return new IncentiveLedgerSnapshot(s.id(), s.version(), s.tables(), awards);
    }

    /** Tables and awards survive saving and loading exactly. */
    @Nested
    class RoundTrips {

        @Test
        void tablesAndAwardsSurviveWithTheirFactorsAndAmounts() {
            IncentiveLedger ledger = IncentiveLedger.open(newId(), IncentiveTable.of("1.2345", "1", "0"), DGM, T0);
            saveInTransaction(ledger);
            ledger.award(new UserId("a"), IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH),
                    Money.cny("999999.99"), DGM, T0.plusSeconds(1));
            ledger.award(new UserId("b"), IncentiveSamples.complete(Band.RED, IncentiveSamples.MARCH.next()),
                    Money.cny("0.01"), DGM, T0.plusSeconds(2));
            saveInTransaction(ledger);
            ledger.changeTable(IncentiveTable.standard(), DGM, T0.plusSeconds(3));
            ledger.award(new UserId("a"), IncentiveSamples.complete(Band.AMBER, IncentiveSamples.MARCH.next()),
                    Money.cny("10.00"), DGM, T0.plusSeconds(4));
            saveInTransaction(ledger);

            IncentiveLedger loaded = load(ledger.id());
            assertThat(loaded.snapshot()).isEqualTo(ledger.snapshot());
            assertThat(loaded.table()).isEqualTo(IncentiveTable.standard());
            assertThat(loaded.awards()).extracting(IncentiveAward::amount).containsExactly(Money.cny("1234499.99"),
                    Money.cny("0.00"), Money.cny("10.00"));
        }
    }
}
