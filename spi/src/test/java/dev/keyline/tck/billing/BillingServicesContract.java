package dev.keyline.tck.billing;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.LI;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNREGISTERED;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ArrearsRule;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.ArrearsRateInput;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillPreferenceRuleException;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.billing.BillPreferencesChanged;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.billing.CreditLimitExceeded;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.billing.CreditRatingChanged;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Period;
import dev.keyline.runtime.billing.BillingAccounts;
import dev.keyline.runtime.billing.CreditCheck;
import dev.keyline.runtime.billing.CreditWarnings;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing services on a provider: access rules, the preference history, credit events, the
 * arrears-rate inputs, and the end-to-end path from billing's arrears facts through a credit
 * warning (the limit exceeded) to the key-account area's churn warning reaching the account
 * manager. Today is 2 March 2026 in the fixture's clock.
 */
public abstract class BillingServicesContract {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant RECORDED = Instant.parse("2026-03-01T20:00:00Z");

    private StorageProvider storage;
    /** The key-account world the billing area builds on. */
    protected KeyAccountServiceFixture world;
    private BillingAccounts billing;
    private CreditWarnings credit;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @BeforeEach
    void serve() {
        storage = newStorage();
        world = new KeyAccountServiceFixture(storage);
        world.serveSuzhou();
        billing = BillingAccounts.on(world.keyline);
        credit = CreditWarnings.on(world.keyline);
    }

    @AfterEach
    void release() {
        discard(storage);
    }

    /** The notifications of a type the relay delivered so far. */
    List<dev.keyline.spi.Notification> delivered(String type) {
        world.keyline.relay().pumpUntilIdle(20);
        return world.recorder.accepted().stream().filter(n -> n.type().equals(type)).toList();
    }

    static ArrearsFact bill(String id, String bill, String amount, LocalDate billedOn, LocalDate due) {
        return ArrearsFact.billed(new ArrearsFactId(id), BANK, new BillId(bill), Money.cny(amount), billedOn, due, RECORDED);
    }

    static ArrearsFact paid(String id, String bill, String amount, LocalDate on) {
        return ArrearsFact.settled(new ArrearsFactId(id), BANK, new BillId(bill), ArrearsFactKind.PAID, Money.cny(amount), on,
                RECORDED);
    }

    @Test
    void creditProfilesAreFinancesAndPreferencesAreTheAccountManagers() {
        assertThatThrownBy(() -> billing.open(WANG, BANK, CreditRating.A, Money.cny("1.00"), AgeBands.standard()))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("FINANCIAL_MANAGER");
        assertThatThrownBy(() -> billing.open(SUN, UNREGISTERED, CreditRating.A, Money.cny("1.00"), AgeBands.standard()))
                .isInstanceOf(NotFoundException.class);
        billing.open(SUN, BANK, CreditRating.A, Money.cny("50000.00"), AgeBands.standard());
        BillPreferences email = BillPreferences.consolidated(BillChannel.EMAIL, BillFrequency.MONTHLY, BillFormat.PDF,
                BillDetail.ITEMISED);
        assertThatThrownBy(() -> billing.changePreferences(LI, BANK, email, "asked")).isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> billing.changePreferences(SUN, BANK, email, "asked")).isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> billing.rate(WANG, BANK, CreditRating.C, "guess")).isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> billing.get(LI, BANK)).isInstanceOf(NotAuthorisedException.class);
        assertThat(billing.get(WANG, BANK).preferenceHistory()).isEmpty();
        assertThat(delivered(BillPreferencesChanged.TYPE)).isEmpty();
    }

    @Test
    void preferenceChangesAreValidatedAndKeptWithWhoAndWhen() {
        billing.open(SUN, BANK, CreditRating.A, Money.cny("50000.00"), AgeBands.standard());
        BillPreferences email = BillPreferences.consolidated(BillChannel.EMAIL, BillFrequency.MONTHLY, BillFormat.PDF,
                BillDetail.ITEMISED);
        assertThatThrownBy(() -> billing.changePreferences(WANG, BANK, BillPreferences.consolidated(BillChannel.FAX,
                BillFrequency.MONTHLY, BillFormat.PDF, BillDetail.ITEMISED_WITH_CALL_DETAIL), "asked"))
                .isInstanceOf(BillPreferenceRuleException.class).hasMessageContaining("FAX_CARRIES_NO_CALL_DETAIL");
        billing.changePreferences(WANG, BANK, email, "the customer's finance asked by mail");
        BillPreferences edi = new BillPreferences(BillChannel.EDI, BillFrequency.QUARTERLY, BillFormat.EDIFACT,
                BillDetail.ITEMISED, dev.keyline.domain.billing.BillSplit.PER_BRANCH, List.of("SZ-HQ", "SZ-SIP"), List.of());
        billing.changePreferences(WANG, BANK, edi, "moved to EDI");
        BillingAccountSnapshot s = billing.get(SUN, BANK);
        assertThat(s.preferenceHistory()).extracting(c -> c.preferences()).containsExactly(email, edi);
        assertThat(s.preferenceHistory()).allSatisfy(c -> assertThat(c.by()).isEqualTo(WANG.user()));
        assertThat(delivered(BillPreferencesChanged.TYPE)).hasSize(2);
    }

    @Test
    void aCreditWarningLeadsToAChurnWarningForTheAccountManager() {
        billing.open(SUN, BANK, CreditRating.A, Money.cny("20000.00"), AgeBands.standard());
        // two bills overdue: 12,000 due 1 Dec (91 days), 9,000 due 15 Feb (15 days), one paid in part
        billing.recordArrears(SUN, List.of(
                bill("AF-1", "B-2511", "15000.00", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1)),
                paid("AF-2", "B-2511", "3000.00", LocalDate.of(2025, 12, 20)),
                bill("AF-3", "B-2601", "9000.00", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 15)),
                bill("AF-4", "B-2602", "4000.00", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31))));

        CreditCheck check = credit.check(WANG, BANK, List.of());

        assertThat(check.billing().arrears().byBand()).containsExactly(Money.cny("9000.00"), Money.zero(), Money.zero(),
                Money.cny("12000.00"));
        assertThat(check.billing().arrears().total()).isEqualTo(Money.cny("21000.00"));
        assertThat(check.billing().arrears().outstanding()).isEqualTo(Money.cny("25000.00"));
        assertThat(check.billing().limitExceeded()).isTrue();
        assertThat(check.raisedChurnWarning()).isTrue();
        assertThat(check.churn().raised()).extracting(s -> s.rule()).containsExactly("arrears-age", ArrearsRule.NAME);
        assertThat(check.churn().raised()).extracting(s -> s.kind()).contains(ChurnSignalKind.ARREARS);
        assertThat(check.churn().status()).isEqualTo(AccountStatus.CHURN_WARNING);
        assertThat(delivered(CreditLimitExceeded.TYPE)).singleElement()
                .satisfies(n -> assertThat(n.payload()).contains("25000.00").contains("21000.00"));
        assertThat(delivered(ChurnWarningRaised.TYPE)).singleElement()
                .satisfies(n -> assertThat(n.payload()).contains(ArrearsRule.NAME));

        // checked again the same day: nothing new is raised
        CreditCheck again = credit.check(WANG, BANK, List.of());
        assertThat(again.raisedChurnWarning()).isFalse();
        assertThat(delivered(CreditLimitExceeded.TYPE)).hasSize(1);
        assertThat(delivered(ChurnWarningRaised.TYPE)).hasSize(1);
    }

    @Test
    void smallOrYoungArrearsRaiseNoChurnWarning() {
        billing.open(SUN, BANK, CreditRating.A, Money.cny("20000.00"), AgeBands.standard());
        billing.recordArrears(SUN, List.of(bill("AF-1", "B-1", "9000.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))));
        CreditCheck check = credit.check(WANG, BANK, List.of());
        assertThat(check.billing().arrears().total()).isEqualTo(Money.cny("9000.00"));
        assertThat(check.billing().limitExceeded()).isFalse();
        assertThat(check.raisedChurnWarning()).isFalse();
        assertThat(check.churn().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThatThrownBy(() -> credit.check(SUN, BANK, List.of())).isInstanceOf(NotAuthorisedException.class);
    }

    @Test
    void ratingsAndLimitsRaiseTheirEventsAndTheArrearsRateHasItsInputs() {
        billing.open(SUN, BANK, CreditRating.A, Money.cny("20000.00"), AgeBands.standard());
        billing.rate(SUN, BANK, CreditRating.BB, "paid late twice");
        billing.recordArrears(SUN, List.of(
                bill("AF-1", "B-1", "1000.00", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20)),
                bill("AF-2", "B-2", "3000.00", LocalDate.of(2026, 2, 5), LocalDate.of(2026, 2, 20)),
                paid("AF-3", "B-2", "3000.00", LocalDate.of(2026, 2, 10))));
        billing.refreshArrears(WANG, BANK);
        BillingAccountSnapshot lowered = billing.setCreditLimit(SUN, BANK, Money.cny("500.00"));
        assertThat(lowered.limitExceeded()).isTrue();
        assertThat(delivered(CreditRatingChanged.TYPE)).singleElement()
                .satisfies(n -> assertThat(n.payload()).contains("\"BB\""));
        assertThat(delivered(CreditLimitExceeded.TYPE)).hasSize(1);
        ArrearsRateInput february = billing.arrearsRateInput(SUN, BANK, Period.month(YearMonth.of(2026, 2)));
        assertThat(february.billed()).isEqualTo(Money.cny("3000.00"));
        assertThat(february.overdue()).isEqualTo(Money.cny("1000.00"));
        assertThat(february.rate()).contains(new java.math.BigDecimal("0.333333"));
        assertThatThrownBy(() -> billing.arrearsRateInput(WANG, BANK, Period.month(YearMonth.of(2026, 2))))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> billing.recordArrears(WANG, List.of())).isInstanceOf(NotAuthorisedException.class);
        assertThat(HOTEL).isNotEqualTo(BANK);
        assertThat(TODAY).isEqualTo(world.keyline.today());
    }
}
