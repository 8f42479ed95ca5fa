package dev.keyline.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.ArrearsRateInput;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.account.KeyAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the billing guide's section "Through the runtime", run as written there. */
class BillingGuideTest {

    @Test
    void theGuidesStoryRuns() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage())
                .clock(Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC)).build();
        Actor zhou = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
        Actor wang = Actor.accountManager(new UserId("wang"));
        Actor sun = Actor.withRoles(new UserId("sun"), Role.FINANCIAL_MANAGER);
        AccountId bank = new AccountId("A-BANK");
        KeyAccounts accounts = KeyAccounts.on(keyline);
        accounts.register(zhou, bank, "Bank of Suzhou", new LocalNetworkId("SZ"), Industry.FINANCE);
        accounts.assignManager(zhou, bank, wang.user());
        accounts.activate(wang, bank);

        BillingAccounts billing = BillingAccounts.on(keyline);
        billing.open(sun, bank, CreditRating.A, Money.cny("20000.00"), AgeBands.standard());
        billing.changePreferences(wang, bank, new BillPreferences(BillChannel.EDI, BillFrequency.MONTHLY,
                BillFormat.XML, BillDetail.ITEMISED, dev.keyline.domain.billing.BillSplit.PER_BRANCH,
                List.of("SZ-HQ", "SZ-SIP"), List.of()), "the bank's treasury asked for EDI");

        Instant recorded = Instant.parse("2026-03-01T20:00:00Z");
        billing.recordArrears(sun, List.of(
                ArrearsFact.billed(new ArrearsFactId("AF-1"), bank, new BillId("B-2511"), Money.cny("15000.00"),
                        LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1), recorded),
                ArrearsFact.settled(new ArrearsFactId("AF-2"), bank, new BillId("B-2511"), ArrearsFactKind.PAID,
                        Money.cny("3000.00"), LocalDate.of(2025, 12, 20), recorded),
                ArrearsFact.billed(new ArrearsFactId("AF-3"), bank, new BillId("B-2601"), Money.cny("9000.00"),
                        LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 15), recorded)));

        CreditCheck check = CreditWarnings.on(keyline).check(wang, bank, List.of());
        // 9,000 overdue 15 days, 12,000 overdue 91 days: 21,000 above the 20,000 limit
        assertThat(check.billing().arrears().byBand()).containsExactly(Money.cny("9000.00"), Money.zero(),
                Money.zero(), Money.cny("12000.00"));
        assertThat(check.billing().limitExceeded()).isTrue();          // billing.credit-limit-exceeded
        assertThat(check.churn().status()).isEqualTo(AccountStatus.CHURN_WARNING); // account.churn-warning-raised
        assertThat(check.churn().raised()).extracting(s -> s.rule()).containsExactly("arrears-age", "arrears");

        ArrearsRateInput february = billing.arrearsRateInput(sun, bank, Period.month(YearMonth.of(2026, 2)));
        assertThat(february.overdue()).isEqualTo(Money.cny("21000.00"));
        assertThat(february.billed()).isEqualTo(Money.zero());
        assertThat(february.rate()).isEmpty();
    }
}
