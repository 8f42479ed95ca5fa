package dev.keyline.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

/**
 * Random command sequences on a {@link BillingAccount}: after every step the preference history is
 * numbered and its last entry is in force, {@code limitExceeded} is exactly "exposure above the
 * limit", a {@link CreditLimitExceeded} is raised exactly on a crossing, the rating changes only
 * with a {@link CreditRatingChanged}; a refused command changes nothing; the snapshot round-trips.
 */
class BillingAccountProperties {

    static final AccountId ACME = new AccountId("ACME");
    static final UserId CLERK = new UserId("clerk");
    static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    static final Instant AT = Instant.parse("2026-01-01T08:00:00Z");

    static final List<BillPreferences> PREFERENCES = List.of(
            BillPreferences.consolidated(BillChannel.EMAIL, BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED),
            BillPreferences.consolidated(BillChannel.PORTAL, BillFrequency.QUARTERLY, BillFormat.CSV, BillDetail.SUMMARY),
            new BillPreferences(BillChannel.EDI, BillFrequency.PER_PROJECT, BillFormat.XML,
                    BillDetail.ITEMISED_WITH_CALL_DETAIL, BillSplit.PER_BRANCH, List.of("SZ", "WX"), List.of("P-1")),
            BillPreferences.consolidated(BillChannel.FAX, BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.SUMMARY));

    @Test
    void randomCommandsKeepEveryInvariant() {
        qt().withExamples(400).forAll(lists().of(lists().of(integers().between(0, 1_000_000)).ofSize(3)).ofSizeBetween(1, 40))
                .checkAssert(ops -> {
                    BillingAccount account = BillingAccount.open(ACME, CreditRating.A, Money.ofCents(500_000, Money.CNY),
                            AgeBands.standard(), CLERK, AT, DAY);
                    account.drainEvents();
                    int day = 0;
                    for (List<Integer> op : ops) {
                        int kind = op.get(0) % 5;
                        int arg = op.get(1);
                        Instant at = AT.plusSeconds(60L * (++day));
                        BillingAccountSnapshot before = account.snapshot();
                        List<DomainEvent> events = account.pendingEvents();
                        boolean expectRefusal;
                        try {
                            switch (kind) {
                                case 0 -> {
                                    BillPreferences p = PREFERENCES.get(arg % PREFERENCES.size());
                                    expectRefusal = account.preferences().filter(p::equals).isPresent();
                                    account.changePreferences(p, CLERK, at, "customer asked");
                                    assertThat(account.preferences()).contains(p);
                                    assertThat(account.preferenceHistory()).hasSize(before.preferenceHistory().size() + 1);
                                    assertThat(last(account)).isInstanceOf(BillPreferencesChanged.class);
                                }
                                case 1 -> {
                                    CreditRating r = CreditRating.values()[arg % CreditRating.values().length];
                                    expectRefusal = r == before.rating();
                                    account.rate(r, CLERK, at, "annual review");
                                    assertThat(last(account)).isEqualTo(account.pendingEvents().get(events.size()));
                                    assertThat(((CreditRatingChanged) last(account)).from()).isEqualTo(before.rating());
                                }
                                case 2 -> {
                                    Money limit = Money.ofCents((arg % 20) * 100_000L, Money.CNY);
                                    expectRefusal = limit.equals(before.creditLimit());
                                    account.setCreditLimit(limit, CLERK, at);
                                    assertThat(account.creditLimit()).isEqualTo(limit);
                                }
                                case 3 -> {
                                    // arrears as of a random date, possibly older than those recorded
                                    LocalDate asOf = DAY.plusDays(op.get(2) % 200);
                                    long cents = (arg % 30) * 100_000L;
                                    ArrearsAgeing ageing = ageing(asOf, cents, op.get(2) % 3 == 0 ? cents : cents / 2);
                                    expectRefusal = asOf.isBefore(before.arrears().asOf());
                                    account.recordArrears(ageing, at);
                                    assertThat(account.arrears()).isEqualTo(ageing);
                                }
                                default -> {
                                    // always refused: a limit in another currency than the account's
                                    expectRefusal = true;
                                    account.setCreditLimit(Money.ofCents(100, java.util.Currency.getInstance("USD")), CLERK, at);
                                }
                            }
                            if (expectRefusal) {
                                Assertions.fail("expected command " + kind + " to be refused");
                            }
                            boolean crossed = !before.limitExceeded() && account.limitExceeded();
                            long exceededEvents = account.pendingEvents().subList(events.size(), account.pendingEvents().size())
                                    .stream().filter(e -> e instanceof CreditLimitExceeded).count();
                            assertThat(exceededEvents).isEqualTo(crossed ? 1 : 0);
                        } catch (KeylineException refused) {
                            assertThat(account.snapshot()).isEqualTo(before);
                            assertThat(account.pendingEvents()).isEqualTo(events);
                        }
                        assertThat(account.limitExceeded()).isEqualTo(account.exposure().isGreaterThan(account.creditLimit()));
                        List<PreferenceChange> h = account.preferenceHistory();
                        for (int i = 0; i < h.size(); i++) {
                            assertThat(h.get(i).revision()).isEqualTo(i + 1);
                        }
                        assertThat(account.preferences()).isEqualTo(h.isEmpty() ? java.util.Optional.empty()
                                : java.util.Optional.of(h.get(h.size() - 1).preferences()));
                        assertThat(BillingAccount.restore(account.snapshot()).snapshot()).isEqualTo(account.snapshot());
                    }
                });
    }

    static DomainEvent last(BillingAccount account) {
        List<DomainEvent> events = account.pendingEvents();
        return events.get(events.size() - 1);
    }

    /** Arrears of {@code overdueCents} in the oldest band and {@code outstandingCents} outstanding in all. */
    static ArrearsAgeing ageing(LocalDate asOf, long outstandingCents, long overdueCents) {
        AgeBands bands = AgeBands.standard();
        List<Money> byBand = new ArrayList<>(List.of(Money.zero(), Money.zero(), Money.zero(), Money.zero()));
        byBand.set(3, Money.ofCents(overdueCents, Money.CNY));
        return new ArrearsAgeing(asOf, bands, byBand, Money.ofCents(overdueCents, Money.CNY),
                Money.ofCents(outstandingCents, Money.CNY),
                overdueCents > 0 ? java.util.Optional.of(asOf.minusDays(120)) : java.util.Optional.empty());
    }
}
