package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

class ReclassificationTest {

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalNetworkId KM = new LocalNetworkId("KM");
    private static final LocalDate RUN = LocalDate.of(2024, 7, 1);
    private static final AssessmentWindow WINDOW = ReclassificationPolicy.halfYearly().window(RUN);
    private static final UserId SYSTEM = new UserId("classifier");
    private static final Instant AT = Instant.parse("2024-07-01T02:00:00Z");

    /** Six months of spend for three Suzhou customers and one in Kunming. */
    private static List<SpendFact> facts() {
        List<SpendFact> facts = new ArrayList<>();
        int n = 0;
        for (YearMonth m : WINDOW.months()) {
            facts.add(SpendFact.original(new SpendFactId("F" + ++n), new AccountId("BANK"), SZ, m, Money.cny("12000.00"), AT));
            facts.add(SpendFact.original(new SpendFactId("F" + ++n), new AccountId("PORT"), SZ, m, Money.cny("6000.00"), AT));
            facts.add(SpendFact.original(new SpendFactId("F" + ++n), new AccountId("SHOP"), SZ, m, Money.cny("1000.00"), AT));
            facts.add(SpendFact.original(new SpendFactId("F" + ++n), new AccountId("MINE"), KM, m, Money.cny("50000.00"), AT));
        }
        // the port's June bill is corrected down to 0: its average becomes 5,000.00
        SpendFact june = facts.stream().filter(f -> f.account().value().equals("PORT") && f.month().getMonthValue() == 6)
                .findFirst().orElseThrow();
        facts.add(june.correctedBy(new SpendFactId("FIX"), Money.zero(), AT.plusSeconds(60)));
        return facts;
    }

    private static List<PotentialCandidate> candidates() {
        return List.of(
                new PotentialCandidate(new AccountId("BANK"), Industry.FINANCE, Money.zero(), Money.zero(), PotentialFlags.none()),
                new PotentialCandidate(new AccountId("PORT"), Industry.COMMERCE_TRADE, Money.zero(), Money.zero(), PotentialFlags.none()),
                new PotentialCandidate(new AccountId("SHOP"), Industry.COMMERCE_TRADE, Money.zero(), Money.zero(), PotentialFlags.none()),
                new PotentialCandidate(new AccountId("CITY"), Industry.KEY_CUSTOMERS, Money.zero(), Money.zero(),
                        new PotentialFlags(true, Optional.empty(), Optional.empty())));
    }

    private static ClassificationResult suzhouRun() {
        return Reclassification.run(SZ, RUN, WINDOW, facts(), SeedMinimums.suzhou(), new NationalList(Set.of(new AccountId("BANK"))),
                PotentialCriteria.withCutOffs(Map.of()), candidates());
    }

    @Test
    void aRunAveragesClassifiesSplitsTiersAndFindsPotentials() {
        ClassificationResult result = suzhouRun();
        assertThat(result.network()).isEqualTo(SZ);
        assertThat(result.runDate()).isEqualTo(RUN);
        assertThat(result.window()).isEqualTo(WINDOW);
        assertThat(result.rule()).isEqualTo("minimum");
        assertThat(result.threshold()).contains(Money.cny("5000.00"));
        assertThat(result.keyAccounts()).containsExactly(
                new ClassifiedAccount(new AccountId("BANK"), Money.cny("12000.00"), Tier.NATIONAL),
                new ClassifiedAccount(new AccountId("PORT"), Money.cny("5000.00"), Tier.LOCAL));
        assertThat(result.potentials()).extracting(p -> p.account().value()).containsExactly("CITY");
    }

    @Test
    void aRunWithoutPotentialsAndAnotherNetwork() {
        ClassificationResult km = Reclassification.run(KM, RUN, WINDOW, facts(), RevenueShareRule.standard(), NationalList.empty());
        assertThat(km.keyAccounts()).containsExactly(new ClassifiedAccount(new AccountId("MINE"), Money.cny("50000.00"), Tier.LOCAL));
        assertThat(km.potentials()).isEmpty();
        ClassificationResult empty = Reclassification.run(new LocalNetworkId("WX"), RUN, WINDOW, facts(), RevenueShareRule.standard(),
                NationalList.empty());
        assertThat(empty.keyAccounts()).isEmpty();
        assertThat(empty.threshold()).isEmpty();
    }

    @Test
    void thePlanListsTheTierChangesAndTheUnregisteredAccounts() {
        Map<AccountId, Tier> current = new HashMap<>();
        current.put(new AccountId("BANK"), Tier.LOCAL);
        current.put(new AccountId("PORT"), Tier.LOCAL);
        current.put(new AccountId("SHOP"), Tier.LOCAL);
        ReclassificationPlan plan = ReclassificationPlan.of(suzhouRun(), current);
        assertThat(plan.updates()).containsExactly(
                new TierUpdate(new AccountId("BANK"), Tier.LOCAL, Tier.NATIONAL),
                new TierUpdate(new AccountId("SHOP"), Tier.LOCAL, Tier.NONE));
        assertThat(plan.unregistered()).containsExactly(new AccountId("CITY"));
    }

    @Test
    void thePlanFromSnapshotsSkipsOtherNetworksAndExitedAccounts() {
        KeyAccount bank = KeyAccount.register(new AccountId("BANK"), "Bank", SZ, Industry.FINANCE, SYSTEM, AT);
        KeyAccount shop = KeyAccount.register(new AccountId("SHOP"), "Shop", SZ, Industry.COMMERCE_TRADE, SYSTEM, AT);
        shop.classify(Tier.LOCAL, "minimum", RUN.minusMonths(6), SYSTEM, AT);
        shop.exit("closed", SYSTEM, AT);
        KeyAccount mine = KeyAccount.register(new AccountId("MINE"), "Mine", KM, Industry.OTHER, SYSTEM, AT);
        ReclassificationPlan plan = ReclassificationPlan.of(suzhouRun(), List.of(bank.snapshot(), shop.snapshot(), mine.snapshot()));
        assertThat(plan.updates()).containsExactly(new TierUpdate(new AccountId("BANK"), Tier.NONE, Tier.NATIONAL));
        assertThat(plan.unregistered()).containsExactly(new AccountId("CITY"), new AccountId("PORT"));
    }

    @Test
    void applyingTheRunSetsTheTierWithRuleAndRunDateAndCanBeRepeated() {
        KeyAccount bank = KeyAccount.register(new AccountId("BANK"), "Bank", SZ, Industry.FINANCE, SYSTEM, AT);
        ReclassificationPlan plan = ReclassificationPlan.of(suzhouRun(), List.of(bank.snapshot()));
        assertThat(plan.applyTo(bank, SYSTEM, AT)).isTrue();
        assertThat(plan.applyTo(bank, SYSTEM, AT)).isFalse();
        assertThat(bank.tier()).isEqualTo(Tier.NATIONAL);
        assertThat(bank.tierHistory()).singleElement().extracting(TierChange::cause)
                .isEqualTo(new TierChangeCause.ClassificationRun("minimum", RUN));
        KeyAccount mine = KeyAccount.register(new AccountId("MINE"), "Mine", KM, Industry.OTHER, SYSTEM, AT);
        assertThatThrownBy(() -> plan.applyTo(mine, SYSTEM, AT)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("network");
    }

    @Test
    void aPlanMustAgreeWithItsResult() {
        ClassificationResult result = suzhouRun();
        assertThatThrownBy(() -> new ReclassificationPlan(result, List.of(new TierUpdate(new AccountId("BANK"), Tier.NONE, Tier.LOCAL)), List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("updates");
        assertThatThrownBy(() -> new TierUpdate(new AccountId("A"), Tier.LOCAL, Tier.LOCAL)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void aRunRejectsMissingInput() {
        assertThatThrownBy(() -> Reclassification.run(SZ, RUN, WINDOW, facts(), null, NationalList.empty()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("rule");
        assertThatThrownBy(() -> Reclassification.run(SZ, RUN, null, facts(), SeedMinimums.suzhou(), NationalList.empty()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> Reclassification.run(SZ, RUN, WINDOW, facts(), SeedMinimums.suzhou(), NationalList.empty(),
                PotentialCriteria.withCutOffs(Map.of()), List.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("candidates");
    }
}
