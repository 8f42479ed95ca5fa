package dev.keyline.runtime.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.PlanProgress;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.json.KeylineJson;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.spi.Notification;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The code of the how-to in docs/key-accounts.md, "A key account's year through the runtime", run as written there. */
class KeyAccountsGuideTest {

    @Test
    void theGuidesStoryRuns() {
        List<Notification> delivered = new CopyOnWriteArrayList<>();
        TestClock clock = TestClock.standard();                       // 2026-03-02
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).sink(delivered::add).clock(clock).build();

        // Wiring
        LocalNetworkId suzhou = new LocalNetworkId("SZ");
        AccountId bank = new AccountId("A-BANK");
        KeyAccounts accounts = KeyAccounts.on(keyline);
        ChurnWarnings churn = ChurnWarnings.on(keyline);
        Reclassifications reclassifications = Reclassifications.on(keyline)
                .withClassification(suzhou, ClassificationSettings
                        .of(SeedMinimums.suzhou(), ReclassificationPolicy.yearly())
                        .withNationals(new NationalList(Set.of(bank))));
        AccountPlans plans = AccountPlans.on(keyline);
        PriceAuthorisations prices = PriceAuthorisations.on(keyline, AuthorityMatrix.of(Map.of(
                Role.ACCOUNT_MANAGER, new BigDecimal("0.05"),
                Role.INDUSTRY_MANAGER, new BigDecimal("0.15"),
                Role.DEPARTMENT_GENERAL_MANAGER, new BigDecimal("0.30"))));

        // A key account's year
        Actor zhou = Actor.withRoles(new UserId("zhou"), Role.DEPARTMENT_GENERAL_MANAGER);
        Actor wang = Actor.accountManager(new UserId("wang"));
        accounts.register(zhou, bank, "Bank of Suzhou", suzhou, Industry.FINANCE);
        accounts.assignManager(zhou, bank, wang.user());
        accounts.activate(wang, bank);
        List<SpendFact> factsFromBilling = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2025, 3); !m.isAfter(YearMonth.of(2026, 2)); m = m.plusMonths(1)) {
            factsFromBilling.add(SpendFact.original(new SpendFactId("F-" + m), bank, suzhou, m, Money.cny("50000.00"),
                    m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        SpendFactId wrongFact = new SpendFactId("F-2026-01");
        accounts.recordSpend(zhou, factsFromBilling);
        accounts.correctSpend(wang, wrongFact, new SpendFactId("F-2026-01-C"), Money.cny("48000.00"));
        ReclassificationPlan run = reclassifications.reclassify(zhou, suzhou, keyline.today());
        assertThat(run.result().keyAccounts()).singleElement()
                .satisfies(k -> assertThat(k.averageMonthlySpend()).isEqualTo(Money.cny("49833.33")));
        assertThat(run.updates()).containsExactly(new TierUpdate(bank, Tier.NONE, Tier.NATIONAL));
        assertThat(run.unregistered()).isEmpty();
        assertThat(reclassifications.reclassify(zhou, suzhou, keyline.today()).updates())
                .as("running the same date again resumes that run, which has nothing left to do").isEmpty();
        assertThat(reclassifications.nextReclassificationDue(suzhou)).contains(LocalDate.of(2027, 3, 2));

        Actor chen = Actor.industryManager(new UserId("chen"), List.of(Industry.FINANCE));
        assertThat(accounts.overrideTier(wang, chen, bank, Tier.LOCAL, "withdrawn from the group's list").tier())
                .isEqualTo(Tier.LOCAL);

        // Plans and prices
        AccountPlanId planId = new AccountPlanId("P-A-BANK-2026");
        plans.draw(wang, planId, bank, Year.of(2026), Money.cny("600000.00"));
        plans.addAction(wang, planId, "visit the CIO", wang.user(), LocalDate.of(2026, 4, 1));
        PlanProgress progress = plans.progress(wang, planId);
        assertThat(progress.achieved()).isEqualTo(Money.cny("98000.00"));
        assertThat(progress.onTrack()).isFalse();

        keyline.relay().pumpUntilIdle(20);  // commercial authorisation learns of the bank through the relay

        Actor sun = Actor.withRoles(new UserId("sun"), Role.FINANCIAL_MANAGER);
        FloorPriceListId floors = new FloorPriceListId("SZ");
        prices.setFloorPrice(sun, floors, new ProductCode("DDN"), Money.cny("800.00"));
        PriceAuthorisationId request = new PriceAuthorisationId("PA-1");
        prices.request(wang, request, new PriceOffer(bank, new ProductCode("DDN"),
                Money.cny("1000.00"), Money.cny("700.00")), floors, "competitor quotes 690");
        prices.approve(sun, request, "margin still positive");
        prices.approve(zhou, request, "keeps the bank");
        assertThat(prices.find(request).get().decisions()).hasSize(2);
        assertThat(prices.find(request).get().state()).isEqualTo(PriceAuthorisationState.APPROVED);

        // Churn warnings and exit
        ChurnEvaluation check = churn.evaluateChurn(wang, bank, new ChurnObservations(
                Money.cny("12000.00"), Optional.of(LocalDate.of(2025, 11, 1)), List.of()));
        assertThat(check.warned()).isTrue();
        churn.clearChurnWarning(wang, bank);
        assertThat(accounts.exit(wang, bank, "moved to a competitor").status()).isEqualTo(AccountStatus.EXITED);

        // Reading events back
        keyline.relay().pumpUntilIdle(20);
        KeylineJson json = KeylineJson.create();
        List<DomainEvent> events = delivered.stream().map(n -> json.readEvent(n.type(), n.payload())).toList();
        assertThat(events).hasAtLeastOneElementOfType(ChurnWarningRaised.class).hasAtLeastOneElementOfType(AccountExited.class);
    }
}
