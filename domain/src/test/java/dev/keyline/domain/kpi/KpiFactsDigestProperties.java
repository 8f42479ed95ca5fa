package dev.keyline.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The hash of a period's facts: the same facts give the same hash, in any order; other facts another. */
class KpiFactsDigestProperties {

    private static final Period MARCH = Period.month(YearMonth.of(2026, 3));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** Random facts of every kind, each as the call that feeds it to a digest. */
    private static List<Consumer<KpiFactsDigest>> facts(Random random) {
        List<Consumer<KpiFactsDigest>> facts = new ArrayList<>();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(50_000)));
            Optional<Instant> done = random.nextBoolean() ? Optional.empty()
                    : Optional.of(at.plus(Duration.ofMinutes(random.nextInt(5_000))));
            String id = "F-" + random.nextInt(5);
            switch (random.nextInt(7)) {
                case 0 -> facts.add(d -> d.accept(new WorkOrderFact(id, at, done)));
                case 1 -> facts.add(d -> d.accept(new FaultFact(id, at, done)));
                case 2 -> {
                    LocalDate since = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
                    Optional<LocalDate> left = random.nextBoolean() ? Optional.empty()
                            : Optional.of(since.plusDays(random.nextInt(100)));
                    facts.add(d -> d.accept(new AccountFact(id, since, left)));
                }
                case 3 -> {
                    long agreed = random.nextInt(100);
                    long actual = random.nextInt(100);
                    facts.add(d -> d.accept(new ForecastFact("DDN", YearMonth.of(2026, 3), agreed, actual)));
                }
                case 4 -> {
                    long capacity = random.nextInt(100);
                    long allocated = capacity == 0 ? 0 : random.nextInt((int) capacity + 1);
                    facts.add(d -> d.accept(new PoolFact(id, capacity, allocated)));
                }
                case 5 -> {
                    long cents = random.nextInt(1_000_000);
                    long lines = random.nextInt(10);
                    facts.add(d -> d.accept(new CapexFact(Money.ofCents(cents, Money.CNY),
                            Money.ofCents(cents / 2, Money.CNY), lines)));
                }
                default -> facts.add(d -> d.accept(new AcceptanceFact(id, at, done)));
            }
        }
        return facts;
    }

    private static String hashOf(List<Consumer<KpiFactsDigest>> facts, Period period, ZoneId zone) {
        KpiFactsDigest digest = new KpiFactsDigest(period, zone);
        facts.forEach(f -> f.accept(digest));
        assertThat(digest.count()).isEqualTo(facts.size());
        return digest.hash();
    }

    @Test
    void sameFactsGiveTheSameHashInAnyOrder() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            List<Consumer<KpiFactsDigest>> facts = facts(new Random(seed));
            String hash = hashOf(facts, MARCH, SHANGHAI);
            List<Consumer<KpiFactsDigest>> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, new Random(seed + 1));
            assertThat(hashOf(shuffled, MARCH, SHANGHAI)).isEqualTo(hash).hasSize(64).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void aFactMoreOrLessOrAnotherPeriodOrZoneGivesAnotherHash() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            List<Consumer<KpiFactsDigest>> facts = facts(new Random(seed));
            String hash = hashOf(facts, MARCH, SHANGHAI);
            assertThat(hashOf(facts.subList(1, facts.size()), MARCH, SHANGHAI)).isNotEqualTo(hash);
            List<Consumer<KpiFactsDigest>> twice = new ArrayList<>(facts);
            twice.add(facts.get(0));
            assertThat(hashOf(twice, MARCH, SHANGHAI)).isNotEqualTo(hash);
            assertThat(hashOf(facts, MARCH.next(), SHANGHAI)).isNotEqualTo(hash);
            assertThat(hashOf(facts, MARCH, ZoneOffset.UTC)).isNotEqualTo(hash);
        });
    }

    @Test
    void theHashOfNoFactsIsFixedByTheCanonicalForm() {
        // SHA-256 of "keyline-kpi-facts-v1\n2026-03\nAsia/Shanghai\n0\n" + 64 zeros + "\n", computed independently
        String expected = java.util.HexFormat.of().formatHex(sha256(KpiFactsDigest.VERSION + "\n2026-03\nAsia/Shanghai\n0\n"
                + "0".repeat(64) + "\n"));
        assertThat(new KpiFactsDigest(MARCH, SHANGHAI).hash()).isEqualTo(expected);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
