package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

class PotentialCriteriaTest {

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");

    private static PotentialCandidate candidate(String id, Industry industry, long turnoverMillions, long investmentMillions,
            PotentialFlags flags) {
        return new PotentialCandidate(new AccountId(id), industry, Money.cny(turnoverMillions + "000000.00"),
                Money.cny(investmentMillions + "000000.00"), flags);
    }

    private static PotentialCandidate plain(String id, Industry industry, long turnover, long investment) {
        return candidate(id, industry, turnover, investment, PotentialFlags.none());
    }

    /** Finance 80 %, information 15 %, tourism exactly 5 % of key-account revenue. */
    private static Classification keyAccounts() {
        return new Classification(SZ, "minimum", Optional.of(Money.cny("5000.00")), List.of(
                new RankedAccount(new AccountId("K1"), Money.cny("50000.00")),
                new RankedAccount(new AccountId("K2"), Money.cny("30000.00")),
                new RankedAccount(new AccountId("K3"), Money.cny("15000.00")),
                new RankedAccount(new AccountId("K4"), Money.cny("5000.00"))));
    }

    private static List<PotentialCandidate> candidates() {
        return new ArrayList<>(List.of(
                plain("K1", Industry.FINANCE, 1000, 5),
                plain("K2", Industry.FINANCE, 500, 5),
                plain("K3", Industry.INFORMATION, 10, 20),
                plain("K4", Industry.TOURISM, 10, 1),
                plain("C1", Industry.FINANCE, 900, 1),
                plain("C8", Industry.FINANCE, 900, 0),
                plain("C2", Industry.FINANCE, 100, 0),
                plain("C3", Industry.TOURISM, 2000, 0),
                plain("C4", Industry.INFORMATION, 1, 50),
                candidate("C5", Industry.OTHER, 0, 0, new PotentialFlags(true, Optional.empty(), Optional.empty())),
                candidate("C6", Industry.COMMERCE_TRADE, 0, 0,
                        new PotentialFlags(false, Optional.of(InfluencerKind.PROPERTY_DEVELOPER), Optional.of("new business district"))),
                plain("C7", Industry.SCIENCE_EDUCATION_CULTURE_HEALTH, 5, 5)));
    }

    private static final PotentialCriteria CRITERIA = PotentialCriteria.withCutOffs(Map.of(
            Industry.FINANCE, 2, Industry.INFORMATION, 1, Industry.TOURISM, 5));

    @Test
    void findsEveryKindOfPotentialKeyAccount() {
        List<PotentialAssessment> result = CRITERIA.assess(keyAccounts(), candidates());
        assertThat(result).extracting(a -> a.account().value()).containsExactly("C1", "C4", "C5", "C6", "C8");
        assertThat(result.get(0).criteria()).containsExactly(PotentialCriterion.INDUSTRY_LEADER);
        assertThat(result.get(0).explanation()).contains("#2 by turnover").contains("FINANCE").contains("80 %");
        assertThat(result.get(1).criteria()).containsExactly(PotentialCriterion.INDUSTRY_LEADER);
        assertThat(result.get(1).explanation()).contains("#1 by investment");
        assertThat(result.get(2).criteria()).containsExactly(PotentialCriterion.PARTY_GOVERNMENT_MILITARY);
        assertThat(result.get(3).criteria()).containsExactly(PotentialCriterion.INFLUENCER, PotentialCriterion.MANUAL_DESIGNATION);
        assertThat(result.get(3).explanation()).contains("PROPERTY_DEVELOPER").contains("new business district");
        assertThat(result.get(4).met(PotentialCriterion.INDUSTRY_LEADER)).as("equal turnover shares rank 2").isTrue();
    }

    @Test
    void anIndustryAtExactlyTheShareDoesNotQualify() {
        // tourism has exactly 5 %: C3, first in tourism by turnover, is not a potential key account
        assertThat(CRITERIA.assess(keyAccounts(), candidates())).extracting(a -> a.account().value()).doesNotContain("C3", "C2", "C7");
        PotentialCriteria lower = new PotentialCriteria(new BigDecimal("0.049"), CRITERIA.cutOffRanks());
        assertThat(lower.assess(keyAccounts(), candidates())).extracting(a -> a.account().value()).contains("C3");
    }

    @Test
    void industriesWithoutACutOffNeverQualifyByRank() {
        PotentialCriteria noCutOffs = PotentialCriteria.withCutOffs(Map.of());
        assertThat(noCutOffs.assess(keyAccounts(), candidates())).extracting(a -> a.account().value())
                .containsExactly("C5", "C6");
    }

    @Test
    void sharesOfKeyAccountRevenuePerIndustry() {
        assertThat(CRITERIA.industryShares(keyAccounts(), candidates())).containsOnly(
                Map.entry(Industry.FINANCE, new BigDecimal("0.800000")),
                Map.entry(Industry.INFORMATION, new BigDecimal("0.150000")),
                Map.entry(Industry.TOURISM, new BigDecimal("0.050000")));
    }

    @Test
    void withoutKeyAccountsOnlyTheFlagsCount() {
        Classification none = new Classification(SZ, "share", Optional.empty(), List.of());
        assertThat(CRITERIA.assess(none, candidates())).extracting(a -> a.account().value())
                .containsExactly("C5", "C6");
        assertThat(CRITERIA.industryShares(none, candidates())).isEmpty();
    }

    @Test
    void everyKeyAccountMustBeACandidateAndNoCandidateTwice() {
        List<PotentialCandidate> missing = candidates();
        missing.remove(0);
        assertThatThrownBy(() -> CRITERIA.assess(keyAccounts(), missing)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("K1");
        List<PotentialCandidate> twice = candidates();
        twice.add(plain("C1", Industry.FINANCE, 1, 1));
        assertThatThrownBy(() -> CRITERIA.assess(keyAccounts(), twice)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void rejectsInvalidCriteria() {
        assertThatThrownBy(() -> new PotentialCriteria(BigDecimal.ONE, Map.of())).hasMessageContaining("minimumIndustryShare");
        assertThatThrownBy(() -> new PotentialCriteria(new BigDecimal("-0.01"), Map.of())).hasMessageContaining("minimumIndustryShare");
        assertThatThrownBy(() -> PotentialCriteria.withCutOffs(Map.of(Industry.FINANCE, 0))).hasMessageContaining("cutOffRanks[FINANCE]");
        assertThatThrownBy(() -> PotentialCriteria.withCutOffs(null)).hasMessageContaining("cutOffRanks");
        assertThat(PotentialCriteria.withCutOffs(Map.of()).minimumIndustryShare()).isEqualByComparingTo("0.05");
    }

    @Test
    void candidatesComeFromRegisteredAccounts() {
        KeyAccount account = KeyAccount.register(new AccountId("X"), "X", SZ, Industry.TOURISM, new AccountProfile(1,
                Money.cny("7.00"), BigDecimal.ZERO, Money.cny("3.00"), BigDecimal.ZERO, false, false, 0, 0),
                new PotentialFlags(true, Optional.empty(), Optional.empty()), new dev.keyline.domain.common.UserId("u"),
                java.time.Instant.EPOCH);
        PotentialCandidate c = PotentialCandidate.of(account.snapshot());
        assertThat(c).isEqualTo(new PotentialCandidate(new AccountId("X"), Industry.TOURISM, Money.cny("7.00"),
                Money.cny("3.00"), new PotentialFlags(true, Optional.empty(), Optional.empty())));
    }

    @Test
    void anAssessmentNeedsACriterionAndOrdersThem() {
        assertThatThrownBy(() -> new PotentialAssessment(new AccountId("A"), Industry.OTHER, List.of(), "x"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("criteria");
        PotentialAssessment a = new PotentialAssessment(new AccountId("A"), Industry.OTHER,
                List.of(PotentialCriterion.MANUAL_DESIGNATION, PotentialCriterion.INFLUENCER, PotentialCriterion.INFLUENCER), "x");
        assertThat(a.criteria()).containsExactly(PotentialCriterion.INFLUENCER, PotentialCriterion.MANUAL_DESIGNATION);
    }
}
