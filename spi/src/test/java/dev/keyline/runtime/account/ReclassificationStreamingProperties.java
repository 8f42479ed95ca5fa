package dev.keyline.runtime.account;

import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassificationRule;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.MonthlyMinimumRule;
import dev.keyline.domain.account.NationalList;
import dev.keyline.domain.account.Reclassification;
import dev.keyline.domain.account.ReclassificationPlan;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.RevenueShareRule;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's reclassification folds the spend facts as they stream from storage; on random
 * populations (two networks, correction chains, months in and out of the window, many ties) its
 * stored result and tier changes are exactly those of the whole-list computation it replaced,
 * {@link Reclassification#run} over every fact, under both rules and both policies.
 */
class ReclassificationStreamingProperties {

    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final LocalNetworkId KUNMING = new LocalNetworkId("KM");
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 2);
    private static final UserId BILLING = new UserId("billing");
    // few distinct amounts, so averages tie and round half-even often
    private static final long[] CENTS = {0, 1, 3, 5, 100, 150, 499_999, 500_000, 500_001, 1_234_567, 9_000_000};

    @Test
    void theStreamedRunGivesTheWholeListsResultAndTierChanges() {
        qt().withExamples(120).forAll(longs().all()).checkAssert(ReclassificationStreamingProperties::check);
    }

    private static void check(long seed) {
        Random random = new Random(seed);
        ClassificationRule rule = random.nextBoolean() ? new MonthlyMinimumRule(Money.cny("5000.00"))
                : new RevenueShareRule(new BigDecimal(random.nextBoolean() ? "0.30" : "0.75"));
        ReclassificationPolicy policy = random.nextBoolean() ? ReclassificationPolicy.yearly() : ReclassificationPolicy.halfYearly();
        AssessmentWindow window = policy.window(RUN_DATE);
        TestClock clock = TestClock.standard();
        InMemoryStorage storage = new InMemoryStorage();
        Keyline keyline = Keyline.builder().storage(storage).clock(clock).build();

        List<SpendFact> facts = new ArrayList<>();
        Set<AccountId> nationals = new HashSet<>();
        List<KeyAccount> registered = new ArrayList<>();
        int customers = random.nextInt(40);
        int id = 0;
        for (int c = 0; c < customers; c++) {
            AccountId account = new AccountId(String.format("C%03d", c));
            LocalNetworkId network = random.nextInt(4) == 0 ? KUNMING : SUZHOU;
            if (random.nextInt(5) == 0) {
                nationals.add(account);
            }
            if (random.nextInt(3) > 0) {
                registered.add(KeyAccount.register(account, "Customer " + c, network, Industry.OTHER, BILLING, clock.instant()));
            }
            Set<YearMonth> months = new HashSet<>();
            int chains = random.nextInt(8);
            for (int k = 0; k < chains; k++) {
                // months from before the window to after it
                YearMonth month = window.first().minusMonths(2).plusMonths(random.nextInt(15));
                if (month.isAfter(YearMonth.from(RUN_DATE)) || !months.add(month)) {
                    continue;
                }
                Instant at = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                SpendFact fact = SpendFact.original(new SpendFactId("F" + (++id)), account, network, month,
                        Money.ofCents(CENTS[random.nextInt(CENTS.length)], Money.CNY), at);
                facts.add(fact);
                int corrections = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                for (int j = 0; j < corrections; j++) {
                    at = at.plusSeconds(1 + random.nextInt(100));
                    fact = fact.correctedBy(new SpendFactId("F" + (++id)),
                            Money.ofCents(CENTS[random.nextInt(CENTS.length)], Money.CNY), at);
                    facts.add(fact);
                }
            }
        }
        storage.transactions().run(() -> {
            registered.forEach(storage.port(KeyAccountRepository.class)::save);
            storage.port(SpendFactRepository.class).appendAll(facts);
        });
        NationalList nationalList = new NationalList(nationals);
        List<KeyAccountSnapshot> before = registered.stream().map(a -> storage.transactions()
                .execute(() -> storage.port(KeyAccountRepository.class).get(a.id())).snapshot()).toList();
        Reclassifications service = Reclassifications.on(keyline).withChunkSize(1 + random.nextInt(10))
                .withClassification(SUZHOU, ClassificationSettings.of(rule, policy).withNationals(nationalList));

        ReclassificationPlan streamed = service.reclassifyForced(ZHOU, SUZHOU, RUN_DATE);

        ClassificationResult whole = Reclassification.run(SUZHOU, RUN_DATE, window, facts, rule, nationalList);
        assertThat(streamed.result()).as("seed %d", seed).isEqualTo(whole);
        ReclassificationPlan expected = ReclassificationPlan.of(whole, before);
        assertThat(streamed.updates()).as("seed %d", seed).isEqualTo(expected.updates());
        assertThat(streamed.unregistered()).as("seed %d", seed).isEqualTo(expected.unregistered());
        assertThat(service.latestClassification(SUZHOU)).contains(whole);
        storage.transactions().run(() -> {
            try (Stream<KeyAccount> stored = storage.port(KeyAccountRepository.class).byNetwork(SUZHOU)) {
                stored.forEach(a -> assertThat(a.tier()).as("seed %d, %s", seed, a.id()).isEqualTo(whole.tierOf(a.id())));
            }
        });
    }
}
