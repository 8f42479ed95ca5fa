package dev.keyline.tck.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsAgeing;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.BillSplit;
import dev.keyline.domain.billing.BillingAccount;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.billing.BillingSamples;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.billing.BillingAccountRepository;
import dev.keyline.tck.AggregateRepositoryContract;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link BillingAccountRepository}: the generic version-conflict tests of
 * {@link AggregateRepositoryContract} on billing accounts, full round trips of accounts with random
 * preference histories, ratings, limits and arrears in random age bands (saved, changed and saved
 * again), and the over-limit query. A provider runs it by extending {@link BillingAreaContract}.
 */
public abstract class BillingAccountRepositoryContract
        extends AggregateRepositoryContract<BillingAccount, AccountId, BillingAccountSnapshot> {

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    /** How many random examples each property runs; all of them share the test's storage. */
    protected int propertyExamples() {
        return 40;
    }

    static final List<BillPreferences> PREFERENCES = List.of(
            BillPreferences.consolidated(BillChannel.EMAIL, BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED),
            BillPreferences.consolidated(BillChannel.PORTAL, BillFrequency.QUARTERLY, BillFormat.CSV, BillDetail.SUMMARY),
            new BillPreferences(BillChannel.EDI, BillFrequency.PER_PROJECT, BillFormat.EDIFACT,
                    BillDetail.ITEMISED_WITH_CALL_DETAIL, BillSplit.PER_BRANCH, List.of("SZ-01", "WX:2"), List.of("P-1", "P.2")),
            BillPreferences.consolidated(BillChannel.FAX, BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.SUMMARY),
            new BillPreferences(BillChannel.PAPER, BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED_WITH_CALL_DETAIL,
                    BillSplit.PER_BRANCH, List.of("NJ"), List.of()));

    @Override
    protected AggregateRepository<BillingAccount, AccountId> repository(StorageProvider storage) {
        return storage.port(BillingAccountRepository.class);
    }

    @Override
    protected AccountId newId() {
        return new AccountId(samples.nextId("BA"));
    }

    @Override
    protected BillingAccount newAggregate(AccountId id) {
        BillingAccount a = BillingAccount.open(id, CreditRating.A, Money.cny("10000.00"), AgeBands.standard(),
                BillingSamples.CLERK, BillingSamples.T0, BillingSamples.DAY);
        a.changePreferences(PREFERENCES.get(2), BillingSamples.CLERK, BillingSamples.T0, "first");
        return a;
    }

    @Override
    protected void change(BillingAccount a) {
        a.changePreferences(PREFERENCES.get(a.preferenceHistory().size() % 2), BillingSamples.CLERK,
                BillingSamples.T0.plusSeconds(60), "changed");
    }

    @Override
    protected BillingAccountSnapshot snapshot(BillingAccount a) {
        return a.snapshot();
    }

    @Override
    protected BillingAccount restore(BillingAccountSnapshot s) {
        return BillingAccount.restore(s);
    }

    /** Claims the limit is exceeded while the exposure is within it. */
    @Override
    protected BillingAccountSnapshot corrupt(BillingAccountSnapshot s) {
        return new BillingAccountSnapshot(s.id(), s.version(), s.openedBy(), s.openedAt(), s.rating(), s.creditLimit(),
                s.arrears(), !s.limitExceeded(), s.preferenceHistory());
    }

    @Test
    void randomAccountsRoundTripThroughSaveChangeAndSaveAgain() {
        qt().withExamples(propertyExamples()).forAll(
                lists().of(lists().of(integers().between(0, 1_000_000)).ofSize(3)).ofSizeBetween(0, 12),
                lists().of(integers().between(1, 120)).ofSizeBetween(1, 6))
                .checkAssert((ops, steps) -> {
                    AgeBands bands = new AgeBands(increasing(steps));
                    AccountId id = newId();
                    BillingAccount a = BillingAccount.open(id, CreditRating.BBB, Money.cny("5000.00"), bands,
                            BillingSamples.CLERK, BillingSamples.T0, BillingSamples.DAY);
                    apply(a, ops.subList(0, ops.size() / 2), bands);
                    saveInTransaction(a);
                    assertThat(load(id).snapshot()).isEqualTo(a.snapshot());
                    BillingAccount loaded = load(id);
                    apply(loaded, ops.subList(ops.size() / 2, ops.size()), bands);
                    saveInTransaction(loaded);
                    assertThat(load(id).snapshot()).isEqualTo(loaded.snapshot());
                });
    }

    @Test
    void overLimitListsExactlyTheAccountsAboveTheirLimitOrderedById() {
        AccountId within = new AccountId("OL-B");
        AccountId above = new AccountId("OL-A");
        AccountId alsoAbove = new AccountId("OL-C");
        for (AccountId id : List.of(within, above, alsoAbove)) {
            BillingAccount a = BillingAccount.open(id, CreditRating.A, Money.cny("100.00"), AgeBands.standard(),
                    BillingSamples.CLERK, BillingSamples.T0, BillingSamples.DAY);
            a.recordArrears(ageing(AgeBands.standard(), BillingSamples.DAY.plusDays(1), id.equals(within) ? 9_000 : 20_000, 0),
                    BillingSamples.T0);
            saveInTransaction(a);
        }
        assertThat(inTransaction(() -> storage.port(BillingAccountRepository.class).overLimit()))
                .extracting(BillingAccount::id).containsExactly(above, alsoAbove);
    }

    private static void apply(BillingAccount a, List<List<Integer>> ops, AgeBands bands) {
        for (List<Integer> op : ops) {
            int arg = op.get(1);
            try {
                switch (op.get(0) % 4) {
                    case 0 -> a.changePreferences(PREFERENCES.get(arg % PREFERENCES.size()), BillingSamples.CLERK,
                            BillingSamples.T0.plusSeconds(arg), "reason " + arg);
                    case 1 -> a.rate(CreditRating.values()[arg % CreditRating.values().length], BillingSamples.CLERK,
                            BillingSamples.T0.plusSeconds(arg), "review");
                    case 2 -> a.setCreditLimit(Money.ofCents(arg * 10L, Money.CNY), BillingSamples.CLERK,
                            BillingSamples.T0.plusSeconds(arg));
                    default -> a.recordArrears(ageing(bands, a.arrears().asOf().plusDays(op.get(2) % 40),
                            arg * 7L, op.get(2) * 3L % (arg * 7L + 1)), BillingSamples.T0.plusSeconds(arg));
                }
            } catch (KeylineException refused) {
                // refused commands change nothing; the round trip still holds
            }
        }
    }

    /** Outstanding {@code outstandingCents}, of which {@code overdueCents} spread over the bands. */
    static ArrearsAgeing ageing(AgeBands bands, LocalDate asOf, long outstandingCents, long overdueCents) {
        List<Money> byBand = new ArrayList<>();
        long left = overdueCents;
        for (int i = 0; i < bands.count(); i++) {
            long part = i == bands.count() - 1 ? left : left / 2;
            byBand.add(Money.ofCents(part, Money.CNY));
            left -= part;
        }
        return new ArrearsAgeing(asOf, bands, byBand, Money.ofCents(overdueCents, Money.CNY),
                Money.ofCents(Math.max(outstandingCents, overdueCents), Money.CNY),
                overdueCents > 0 ? Optional.of(asOf.minusDays(3)) : Optional.empty());
    }

    static List<Integer> increasing(List<Integer> steps) {
        List<Integer> bounds = new ArrayList<>();
        int sum = 0;
        for (int s : steps) {
            sum += s;
            bounds.add(sum);
        }
        return bounds;
    }
}
