package dev.keyline.tck.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.tck.StorageBackedContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ArrearsFactRepository}: an append-only ledger where appending the
 * same fact again is a no-op, a conflicting duplicate, a second bill, a settlement of an unknown
 * bill or beyond the billed amount reject the whole call, and reads return the facts exactly as
 * appended. A provider runs it by extending {@link BillingAreaContract}.
 */
public abstract class ArrearsFactRepositoryContract extends StorageBackedContract {

    static final AccountId ACME = new AccountId("ACME");
    static final AccountId OTHER = new AccountId("OTHER");
    static final Instant T0 = Instant.parse("2026-02-01T10:15:30.123456Z");
    static final LocalDate DAY = LocalDate.of(2026, 1, 31);

    /** The repository under test. */
    protected ArrearsFactRepository facts() {
        return storage.port(ArrearsFactRepository.class);
    }

    int append(List<ArrearsFact> facts) {
        return inTransaction(() -> facts().appendAll(facts));
    }

    List<ArrearsFact> of(AccountId account) {
        return inTransaction(() -> facts().byAccount(account));
    }

    static ArrearsFact bill(String id, AccountId account, String bill, String amount, LocalDate on) {
        return ArrearsFact.billed(new ArrearsFactId(id), account, new BillId(bill), Money.cny(amount), on, on.plusDays(30), T0);
    }

    static ArrearsFact paid(String id, AccountId account, String bill, String amount, LocalDate on) {
        return ArrearsFact.settled(new ArrearsFactId(id), account, new BillId(bill), ArrearsFactKind.PAID, Money.cny(amount), on, T0);
    }

    @Test
    void factsReadBackExactlyAsAppendedOrderedByDateThenId() {
        ArrearsFact b1 = bill("F-2", ACME, "B1", "100.00", DAY);
        ArrearsFact p1 = paid("F-1", ACME, "B1", "40.00", DAY.plusDays(5));
        ArrearsFact w1 = ArrearsFact.settled(new ArrearsFactId("F-3"), ACME, new BillId("B1"), ArrearsFactKind.WRITTEN_OFF,
                Money.cny("60.00"), DAY.plusDays(5), T0.plusSeconds(1));
        ArrearsFact b0 = bill("F-0", ACME, "B0", "12.34", DAY.minusDays(31));
        ArrearsFact other = bill("F-9", OTHER, "B1", "1.00", DAY);
        // a payment may come before its bill in one call
        assertThat(append(List.of(p1, b1, w1, b0, other))).isEqualTo(5);
        assertThat(of(ACME)).containsExactly(b0, b1, p1, w1);
        assertThat(of(OTHER)).containsExactly(other);
        assertThat(inTransaction(() -> facts().find(new ArrearsFactId("F-3")))).contains(w1);
        assertThat(inTransaction(() -> facts().find(new ArrearsFactId("F-404")))).isEmpty();
    }

    @Test
    void appendingTheSameFactsAgainIsANoOp() {
        List<ArrearsFact> batch = List.of(bill("F-1", ACME, "B1", "100.00", DAY), paid("F-2", ACME, "B1", "30.00", DAY));
        assertThat(append(batch)).isEqualTo(2);
        assertThat(append(batch)).isZero();
        assertThat(inTransaction(() -> facts().append(batch.get(1)))).isFalse();
        assertThat(append(List.of(batch.get(0), batch.get(0), paid("F-3", ACME, "B1", "70.00", DAY)))).isEqualTo(1);
        assertThat(of(ACME)).hasSize(3);
    }

    @Test
    void aRejectedCallWritesNothing() {
        append(List.of(bill("F-1", ACME, "B1", "100.00", DAY)));
        ArrearsFact fresh = bill("F-5", ACME, "B5", "5.00", DAY);
        assertThatThrownBy(() -> append(List.of(fresh, bill("F-1", ACME, "B1", "100.01", DAY))))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("F-1");
        assertThatThrownBy(() -> append(List.of(fresh, bill("F-6", ACME, "B1", "100.00", DAY))))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("B1");
        assertThatThrownBy(() -> append(List.of(fresh, paid("F-7", ACME, "B404", "1.00", DAY))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("B404");
        assertThatThrownBy(() -> append(List.of(fresh, paid("F-7", OTHER, "B1", "1.00", DAY))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> append(List.of(fresh, paid("F-7", ACME, "B1", "1.00", DAY.minusDays(1)))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> append(List.of(fresh, paid("F-7", ACME, "B1", "60.00", DAY), paid("F-8", ACME, "B1", "40.01", DAY))))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("100.00");
        assertThatThrownBy(() -> append(List.of(fresh, bill("F-9", ACME, "B9", "1.00", DAY), bill("F-9", ACME, "B9", "2.00", DAY))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(of(ACME)).extracting(ArrearsFact::id).containsExactly(new ArrearsFactId("F-1"));
        assertThat(append(List.of(paid("F-7", ACME, "B1", "100.00", DAY)))).isEqualTo(1);
        assertThatThrownBy(() -> append(List.of(paid("F-8", ACME, "B1", "0.01", DAY))))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void aRolledBackAppendLeavesNothing() {
        assertThatThrownBy(() -> storage.transactions().run(() -> {
            facts().append(bill("F-1", ACME, "B1", "100.00", DAY));
            throw new IllegalStateException("host failure");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(of(ACME)).isEmpty();
    }

    @Test
    void twoTransactionsSettlingTheSameBillBeyondItsAmountCannotBothCommit() throws Exception {
        append(List.of(bill("F-1", ACME, "B1", "100.00", DAY)));
        CountDownLatch bothChecked = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = List.of("F-2", "F-3").stream().map(id -> pool.submit(() -> {
                try {
                    storage.transactions().run(() -> {
                        facts().append(paid(id, ACME, "B1", "60.00", DAY));
                        bothChecked.countDown();
                        try {
                            bothChecked.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return true;
                } catch (RuntimeException lost) {
                    return false;
                }
            })).toList();
            long committed = 0;
            for (Future<Boolean> r : results) {
                committed += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(committed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(of(ACME)).hasSize(2);
    }
}
