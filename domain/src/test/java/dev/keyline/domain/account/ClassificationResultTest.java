package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

class ClassificationResultTest {

    private static final LocalNetworkId SZ = new LocalNetworkId("SZ");
    private static final LocalDate RUN = LocalDate.of(2024, 7, 1);
    private static final AssessmentWindow WINDOW = AssessmentWindow.endingBefore(RUN, 6);

    private static PotentialAssessment potential(String id) {
        return new PotentialAssessment(new AccountId(id), Industry.OTHER, List.of(PotentialCriterion.PARTY_GOVERNMENT_MILITARY), "PGM");
    }

    @Test
    void splitsKeyAccountsIntoNationalAndLocalAndTellsEveryTier() {
        Classification c = RevenueShareRule.standard().classify(SZ, RevenueShareRuleTest.guideExample());
        ClassificationResult result = ClassificationResult.of(RUN, WINDOW, c, new NationalList(Set.of(new AccountId("B"))),
                List.of(potential("Z"), potential("E")));
        assertThat(result.rule()).isEqualTo("share");
        assertThat(result.threshold()).contains(Money.cny("10000.00"));
        assertThat(result.keyAccounts()).extracting(ClassifiedAccount::tier)
                .containsExactly(Tier.LOCAL, Tier.NATIONAL, Tier.LOCAL, Tier.LOCAL);
        assertThat(result.potentials()).extracting(p -> p.account().value()).containsExactly("E", "Z");
        assertThat(result.tierOf(new AccountId("B"))).isEqualTo(Tier.NATIONAL);
        assertThat(result.tierOf(new AccountId("A"))).isEqualTo(Tier.LOCAL);
        assertThat(result.tierOf(new AccountId("E"))).isEqualTo(Tier.POTENTIAL);
        assertThat(result.tierOf(new AccountId("H"))).isEqualTo(Tier.NONE);
    }

    @Test
    void anAccountCannotBeBothKeyAndPotential() {
        Classification c = RevenueShareRule.standard().classify(SZ, RevenueShareRuleTest.guideExample());
        assertThatThrownBy(() -> ClassificationResult.of(RUN, WINDOW, c, NationalList.empty(), List.of(potential("A"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("potentials");
    }

    @Test
    void theWindowMustNotEndAfterTheRunMonth() {
        assertThatThrownBy(() -> new ClassificationResult(SZ, RUN, new AssessmentWindow(YearMonth.of(2024, 6), YearMonth.of(2024, 8)),
                "share", Optional.empty(), List.of(), List.of())).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void keyAccountsNeedAThresholdAndMustReachIt() {
        ClassifiedAccount low = new ClassifiedAccount(new AccountId("A"), Money.cny("1.00"), Tier.LOCAL);
        assertThatThrownBy(() -> new ClassificationResult(SZ, RUN, WINDOW, "share", Optional.empty(), List.of(low), List.of()))
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new ClassificationResult(SZ, RUN, WINDOW, "share", Optional.of(Money.cny("2.00")), List.of(low), List.of()))
                .hasMessageContaining("below the threshold");
        assertThatThrownBy(() -> new ClassifiedAccount(new AccountId("A"), Money.cny("1.00"), Tier.POTENTIAL))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("tier");
    }
}
