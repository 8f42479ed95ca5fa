package dev.keyline.runtime.account;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.KUNMING;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SHOP;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNIVERSITY;
import static dev.keyline.tck.account.KeyAccountServiceFixture.UNREGISTERED;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.ArrearsAmountRule;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.PotentialCriteria;
import dev.keyline.domain.account.PotentialCriterion;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierUpdate;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ReasonCode;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import dev.keyline.tck.account.AreaState;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key-account service beyond the compatibility kit: configuration, potential key accounts in
 * a run, run dates, churn rules a host chose, and the values the service hands out.
 */
class KeyAccountsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final KeyAccountServiceFixture world = new KeyAccountServiceFixture(new InMemoryStorage());

    @Test
    void aNetworkWithoutClassificationSettingsCannotBeReclassified() {
        world.serveSuzhou();
        AreaState before = world.state();
        assertThatThrownBy(() -> world.reclassifications.reclassify(ZHOU, KUNMING, TODAY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("KM");
        assertThatThrownBy(() -> world.reclassifications.nextReclassificationDue(KUNMING)).isInstanceOf(ConfigurationException.class);
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.reclassifications.classificationOf(KUNMING)).isEmpty();
        assertThat(world.reclassifications.classificationOf(SUZHOU)).contains(KeyAccountServiceFixture.suzhouSettings());
    }

    @Test
    void aProviderThatDoesNotStoreTheAreaIsReportedWhenTheServiceIsObtained() {
        StorageProvider bare = new StorageProvider() {
            private final InMemoryStorage inner = new InMemoryStorage();

            @Override
            public Transactions transactions() {
                return inner.transactions();
            }

            @Override
            public Outbox outbox() {
                return inner.outbox();
            }

            @Override
            public String name() {
                return "bare";
            }
        };
        Keyline keyline = Keyline.builder().storage(bare).build();
        assertThatThrownBy(() -> KeyAccounts.on(keyline)).isInstanceOfSatisfying(KeylineException.class,
                e -> assertThat(e.reason()).isEqualTo(ReasonCode.CONFIGURATION)).hasMessageContaining("bare");
        assertThatThrownBy(() -> AccountPlans.on(keyline)).isInstanceOf(KeylineException.class);
        assertThatThrownBy(() -> PriceAuthorisations.on(keyline, KeyAccountServiceFixture.MATRIX))
                .isInstanceOf(KeylineException.class);
    }

    @Test
    void aRunWithTheShareRuleDrawsTheShortestPrefixOfTheNetworksRevenue() {
        world.serveSuzhou();
        Reclassifications byShare = world.reclassifications.withClassification(SUZHOU,
                ClassificationSettings.of(new RevenueShareRule(new BigDecimal("0.50")), ReclassificationPolicy.halfYearly()));

        ReclassificationPlan plan = byShare.reclassify(ZHOU, SUZHOU, TODAY);

        // 110,000 a month in total; the bank (50,000) and the unregistered customer (30,000) reach 55,000
        assertThat(plan.result().keyAccounts()).extracting(k -> k.account()).containsExactly(BANK, UNREGISTERED);
        assertThat(plan.result().threshold()).contains(Money.cny("30000.00"));
        assertThat(plan.result().window().size()).isEqualTo(6);
        assertThat(plan.updates()).containsExactly(new TierUpdate(BANK, Tier.NONE, Tier.LOCAL));
        assertThat(byShare.nextReclassificationDue(SUZHOU)).contains(TODAY.plusMonths(6));
    }

    @Test
    void aRunWithPotentialCriteriaGivesFlaggedAccountsThePotentialTier() {
        world.serveSuzhou();
        world.accounts.flagPotential(ZHOU, SHOP, new PotentialFlags(true, Optional.empty(), Optional.empty()));
        world.accounts.register(ZHOU, new AccountId("C99"), "Billing's customer", SUZHOU, Industry.KEY_CUSTOMERS);
        Reclassifications withPotentials = world.reclassifications.withClassification(SUZHOU, KeyAccountServiceFixture.suzhouSettings()
                .withPotentials(PotentialCriteria.withCutOffs(Map.of())));

        ReclassificationPlan plan = withPotentials.reclassify(ZHOU, SUZHOU, TODAY);

        assertThat(plan.result().potentials()).singleElement().satisfies(p -> {
            assertThat(p.account()).isEqualTo(SHOP);
            assertThat(p.criteria()).containsExactly(PotentialCriterion.PARTY_GOVERNMENT_MILITARY);
        });
        assertThat(world.accounts.get(SHOP).tier()).isEqualTo(Tier.POTENTIAL);
        assertThat(plan.unregistered()).isEmpty();
    }

    @Test
    void potentialsCannotBeAssessedWhileAKeyAccountOfTheRunIsUnregistered() {
        world.serveSuzhou();
        Reclassifications withPotentials = world.reclassifications.withClassification(SUZHOU, KeyAccountServiceFixture.suzhouSettings()
                .withPotentials(PotentialCriteria.withCutOffs(Map.of())));
        AreaState before = world.state();

        assertThatThrownBy(() -> withPotentials.reclassify(ZHOU, SUZHOU, TODAY))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining(UNREGISTERED.value());
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void aRunIsNotDatedInTheFuture() {
        world.serveSuzhou();
        AreaState before = world.state();
        assertThatThrownBy(() -> world.reclassifications.reclassifyForced(ZHOU, SUZHOU, TODAY.plusDays(1)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("runDate"));
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void aRunIsDueOnceThePolicysIntervalHasPassed() {
        world.serveSuzhou();
        world.reclassifications.reclassify(ZHOU, SUZHOU, TODAY);
        world.clock.advance(Duration.ofDays(365));
        LocalDate nextYear = TODAY.plusYears(1);
        assertThat(world.reclassifications.nextReclassificationDue(SUZHOU)).contains(nextYear);

        ReclassificationPlan plan = world.reclassifications.reclassify(ZHOU, SUZHOU, nextYear);

        // no spend after February 2026: nobody reaches the minimum in the new window
        assertThat(plan.result().keyAccounts()).isEmpty();
        assertThat(plan.updates()).extracting(TierUpdate::account).containsExactly(BANK, HOTEL, UNIVERSITY);
        assertThat(world.reclassifications.classificationHistory(SUZHOU)).hasSize(2);
    }

    @Test
    void aHostsChurnRulesAreApplied() {
        world.serveSuzhou();
        ChurnWarnings strict = world.churn.withChurnRules(new ChurnEvaluator(List.of(
                new ArrearsAmountRule(Money.cny("1000.00")))));
        ChurnObservations owing = new ChurnObservations(Money.cny("1500.00"), Optional.of(TODAY.minusDays(10)), List.of());

        ChurnEvaluation evaluation = strict.evaluateChurn(WANG, BANK, owing);

        assertThat(evaluation.raised()).extracting(ChurnSignal::kind).containsExactly(ChurnSignalKind.ARREARS_AMOUNT);
        assertThat(evaluation.warned()).isTrue();
        assertThat(world.churn.evaluateChurn(WANG, BANK, owing).warned()).as("the standard rules see nothing new").isFalse();
        assertThat(strict.churnRules()).isNotEqualTo(world.churn.churnRules());
    }

    @Test
    void spendOfARegisteredAccountMustNameItsNetworkAndAnIdIsUsedOnce() {
        world.serveSuzhou();
        AreaState before = world.state();
        assertThatThrownBy(() -> world.accounts.recordSpend(ZHOU, KeyAccountServiceFixture.monthly(BANK, KUNMING, "1.00")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("facts"))
                .hasMessageContaining("belongs to network SZ");
        assertThatThrownBy(() -> world.accounts.recordSpend(ZHOU, KeyAccountServiceFixture.monthly(BANK, SUZHOU, "1.00")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> world.accounts.correctSpend(ZHOU, new SpendFactId("NONE"), new SpendFactId("C"),
                Money.cny("1.00"))).isInstanceOf(NotFoundException.class).hasMessageContaining("NONE");
        assertThat(world.state()).isEqualTo(before);
        world.accounts.recordSpend(ZHOU, List.of());
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void anAccountIdIsRegisteredOnce() {
        world.serveSuzhou();
        AreaState before = world.state();
        assertThatThrownBy(() -> world.accounts.register(ZHOU, BANK, "Another bank", SUZHOU, Industry.FINANCE))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(BANK.value());
        assertThat(world.state()).isEqualTo(before);
        assertThatThrownBy(() -> world.accounts.get(new AccountId("NOPE"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theValuesRejectWhatTheyCannotHold() {
        assertThatThrownBy(() -> new ChurnObservations(Money.cny("1.00"), Optional.empty(), List.of()))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("oldestUnpaidDue"));
        assertThatThrownBy(() -> new ChurnObservations(Money.cny("-1.00"), Optional.empty(), List.of()))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("arrears"));
        assertThat(new ChurnObservations(Money.zero(), Optional.empty(), List.of(TODAY, TODAY.minusDays(3))).complaints())
                .containsExactly(TODAY.minusDays(3), TODAY);
        ChurnSignal signal = new ChurnSignal("r", ChurnSignalKind.COMPLAINTS, TODAY, "d");
        ChurnSignal other = new ChurnSignal("s", ChurnSignalKind.COMPLAINTS, TODAY, "d");
        assertThatThrownBy(() -> new ChurnEvaluation(BANK, TODAY, List.of(signal), List.of(other),
                dev.keyline.domain.account.AccountStatus.ACTIVE))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("raised"));
        assertThatThrownBy(() -> new ClassificationSettings(new MonthlyMinimumRule(Money.cny("1.00")),
                ReclassificationPolicy.yearly(), null, Optional.empty()))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("nationals"));
        ClassificationSettings settings = ClassificationSettings.of(new MonthlyMinimumRule(Money.cny("1.00")),
                ReclassificationPolicy.yearly()).withNationals(new NationalList(Set.of(BANK)));
        assertThat(settings.nationals().contains(BANK)).isTrue();
        assertThat(settings.potentials()).isEmpty();
        assertThatThrownBy(() -> new ReclassificationNotDueException(SUZHOU, TODAY, null, TODAY))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("lastRun"));
    }
}
