package dev.keyline.tck.account;

import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.AccountPlanRepository;
import static dev.keyline.tck.account.AccountAreaSamples.CLERK;
import static dev.keyline.tck.account.AccountAreaSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialAssessment;
import dev.keyline.domain.account.PotentialCriterion;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.KernelGenerators;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.tck.StorageBackedContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Values of the key-account area at the domain's bounds ({@link Limits}) survive a save and a load
 * verbatim: the longest ids, names, rule names and free texts (in ASCII, CJK, astral characters
 * counted as two, and with quotes and SQL metacharacters), the largest money and ratios with every
 * decimal the domain keeps. Whatever the domain accepts, a provider must store; a storage failure
 * here is a provider defect. A provider runs it through {@link AccountAreaContract}; commercial
 * authorisation's bounds are checked by its own kit.
 */
public abstract class BoundaryValuesContract extends StorageBackedContract {

    private static final Money LARGEST = Money.cny(Limits.MAX_MONEY);
    private static final List<String> NAMES = KernelGenerators.boundaryTextList(Limits.NAME_LENGTH);
    private static final List<String> RULES = KernelGenerators.boundaryTextList(Limits.RULE_NAME_LENGTH);
    private static final List<String> TEXTS = KernelGenerators.boundaryTextList(Limits.TEXT_LENGTH);

    private final AccountAreaSamples samples = new AccountAreaSamples();

    /** An id of the longest length: the prefix and the test's counter, zero-padded to fill it. */
    private String longestId(String prefix) {
        String id = samples.nextId(prefix);
        return prefix + "0".repeat(Limits.ID_LENGTH - id.length()) + id.substring(prefix.length());
    }

    @Test
    void accountsWithTextsAtEveryBoundRoundTripVerbatim() {
        for (int i = 0; i < NAMES.size(); i++) {
            AccountId id = new AccountId(longestId("KA"));
            LocalNetworkId network = new LocalNetworkId(longestId("NW"));
            KeyAccount account = KeyAccount.register(id, NAMES.get(i), network, Industry.FINANCE,
                    new AccountProfile(Integer.MAX_VALUE, LARGEST, Limits.MAX_RATIO, LARGEST, new BigDecimal("0.123456"),
                            true, true, Integer.MAX_VALUE, Long.MAX_VALUE),
                    new PotentialFlags(true, Optional.of(InfluencerKind.PROPERTY_DEVELOPER), Optional.of(TEXTS.get(i))),
                    new UserId(longestId("U")), T0);
            account.assignManager(new UserId(longestId("U")), CLERK, T0.plusSeconds(1));
            account.activate(CLERK, T0.plusSeconds(2));
            account.classify(Tier.LOCAL, RULES.get(i), LocalDate.of(2024, 1, 1), CLERK, T0.plusSeconds(3));
            account.overrideTier(Tier.NATIONAL, TEXTS.get((i + 1) % TEXTS.size()), CLERK, new UserId(longestId("U")),
                    T0.plusSeconds(4));
            account.raiseChurnWarning(List.of(
                    new ChurnSignal(RULES.get((i + 1) % RULES.size()), ChurnSignalKind.COMPLAINTS,
                            LocalDate.of(2024, 1, 2), TEXTS.get((i + 2) % TEXTS.size())),
                    new ChurnSignal(RULES.get(i), ChurnSignalKind.FALLING_SPEND, LocalDate.of(2024, 1, 2),
                            TEXTS.get(i))), T0.plusSeconds(5));
            inTransaction(() -> {
                storage.port(KeyAccountRepository.class).save(account);
                return null;
            });
            KeyAccount loaded = inTransaction(() -> storage.port(KeyAccountRepository.class).find(id)).orElseThrow();
            assertThat(loaded.snapshot()).as("account with boundary text %d", i).isEqualTo(account.snapshot());
            assertThat(loaded.name()).isEqualTo(NAMES.get(i));

            loaded.exit(TEXTS.get((i + 3) % TEXTS.size()), CLERK, T0.plusSeconds(6));
            inTransaction(() -> {
                storage.port(KeyAccountRepository.class).save(loaded);
                return null;
            });
            assertThat(inTransaction(() -> storage.port(KeyAccountRepository.class).find(id)).orElseThrow().snapshot())
                    .as("exited account with boundary text %d", i).isEqualTo(loaded.snapshot());
        }
    }

    @Test
    void plansWithTheLargestTargetAndLongestTextsRoundTripVerbatim() {
        AccountPlan plan = AccountPlan.draw(new AccountPlanId(longestId("PL")), new AccountId(longestId("KA")),
                new LocalNetworkId(longestId("NW")), Year.of(2024), LARGEST.minus(Money.cny("0.01")), CLERK, T0);
        for (int i = 0; i < TEXTS.size(); i++) {
            plan.addAction(TEXTS.get(i), CLERK, LocalDate.of(2024, 6, 1), CLERK, T0.plusSeconds(i + 1));
            plan.addResourceItem(new ProductCode(longestId("P")), Integer.MAX_VALUE, LocalDate.of(2024, 6, 1),
                    TEXTS.get(i), CLERK, T0.plusSeconds(i + 1));
        }
        plan.reviseTarget(LARGEST, TEXTS.get(4), CLERK, T0.plusSeconds(10));
        inTransaction(() -> {
            storage.port(AccountPlanRepository.class).save(plan);
            return null;
        });
        assertThat(inTransaction(() -> storage.port(AccountPlanRepository.class).find(plan.id())).orElseThrow().snapshot())
                .isEqualTo(plan.snapshot());
    }

    @Test
    void factsAndResultsAtTheBoundsRoundTripVerbatim() {
        LocalNetworkId network = new LocalNetworkId(longestId("NW"));
        AccountId account = new AccountId(longestId("KA"));
        SpendFact fact = SpendFact.original(new SpendFactId(longestId("F")), account, network, YearMonth.of(2024, 1),
                LARGEST, T0);
        SpendFact correction = fact.correctedBy(new SpendFactId(longestId("F")), Money.zero(), T0.plusSeconds(1));
        inTransaction(() -> {
            storage.port(SpendFactRepository.class).appendAll(List.of(fact, correction));
            return null;
        });
        assertThat(inTransaction(() -> storage.port(SpendFactRepository.class).byAccount(account))).containsExactly(fact, correction);

        LocalDate runDate = LocalDate.of(2024, 7, 1);
        for (int i = 0; i < RULES.size(); i++) {
            LocalNetworkId resultNetwork = new LocalNetworkId(longestId("NW"));
            ClassificationResult result = new ClassificationResult(resultNetwork, runDate,
                    AssessmentWindow.endingBefore(runDate, 6), RULES.get(i), Optional.of(LARGEST),
                    List.of(new ClassifiedAccount(new AccountId(longestId("KA")), LARGEST, Tier.NATIONAL)),
                    List.of(new PotentialAssessment(new AccountId(longestId("KA")), Industry.FINANCE,
                            List.of(PotentialCriterion.INFLUENCER), TEXTS.get(i))));
            inTransaction(() -> {
                storage.port(ClassificationResultRepository.class).store(result);
                return null;
            });
            assertThat(inTransaction(() -> storage.port(ClassificationResultRepository.class).latest(resultNetwork)))
                    .as("result with boundary rule name %d", i).contains(result);
        }
    }
}
