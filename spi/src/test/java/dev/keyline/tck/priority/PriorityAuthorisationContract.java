package dev.keyline.tck.priority;

import static dev.keyline.tck.AuthorisationScenario.anyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.priority.PriorityRankings;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.priority.AccountResultRepository;
import dev.keyline.spi.priority.PriorityRankingRepository;
import dev.keyline.tck.AuthorisationScenario;
import dev.keyline.tck.AuthorisationScenario.AuthorisationWorld;
import dev.keyline.tck.AuthorisationScenario.Counts;
import dev.keyline.tck.AuthorisationScenario.Step;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the priority area on a storage provider: both commands
 * of {@code PriorityRankings} are run by every {@link Role} of the kernel (and the scope variants of
 * {@link AuthorisationScenario#actors()}), and the outcome is compared with the rules below, stated
 * as data from docs/billing-and-hr.md ("Who may"), never read from the service.
 *
 * <p>The statement: recording billing's result facts is for a {@code FINANCIAL_MANAGER} or
 * {@code IT_SUPPORT}, who run the billing interface; recording a period's ranking for a
 * {@code MARKET_ANALYST}, the {@code DEPARTMENT_GENERAL_MANAGER} or the {@code GENERAL_MANAGER}. A
 * refusal is a {@code NotAuthorisedException} and changes nothing (the period's facts and ranking,
 * reloaded, and the whole outbox).
 */
public abstract class PriorityAuthorisationContract {

    /** Who records result facts. */
    static final Predicate<Actor> RECORD = anyOf(Role.FINANCIAL_MANAGER, Role.IT_SUPPORT);
    /** Who ranks. */
    static final Predicate<Actor> RANK = anyOf(Role.MARKET_ANALYST, Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);

    /** The refused cases the statement gives over the steps below, pinned so docs/reliability.md follows. */
    private static final int REFUSED_CASES = 25;

    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final Period Q1 = Period.quarter(2026, 1);

    /** A fresh, empty storage; called once per world. */
    protected abstract StorageProvider newStorage();

    /**
     * Whether every permitted actor of a step is run, each on a fresh world replayed to the step.
     *
     * @return true unless overridden
     */
    protected boolean everyPermittedActor() {
        return true;
    }

    /**
     * The service methods this suite covers, as {@code SimpleClassName.method}.
     *
     * @return the methods
     */
    public static Set<String> coveredMethods() {
        return scenario(() -> null).methods();
    }

    @Test
    void everyPriorityCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = scenario(() -> new World(newStorage())).run(everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (priority): %d steps x %d actors, %d refused and %d permitted cases run%n",
                counts.steps(), AuthorisationScenario.actors().size(), counts.refused(), counts.permitted());
    }

    /** One fact of the first quarter of 2026 recorded, then the quarter ranked for all accounts. */
    static AuthorisationScenario<World> scenario(Supplier<World> worlds) {
        return new AuthorisationScenario<World>(worlds, List.<Step<World>>of(
                Step.of("PriorityRankings.recordResult", "the bank's DDN revenue", RECORD,
                        (w, a) -> w.priority.recordResult(a, new AccountResultFact(new AccountResultFactId("F-1"),
                                new AccountId("KA-A"), Q1, new ProductCode("DDN"), Industry.FINANCE,
                                Money.cny(new BigDecimal("900.00")), Money.cny(BigDecimal.ONE), NOW)),
                        Set.of("facts")),
                Step.of("PriorityRankings.rank", "all accounts, Q1 2026", RANK,
                        (w, a) -> w.priority.rank(a, Q1, Segment.all(), RankingWeights.EQUAL, GrowthBasis.PREVIOUS_PERIOD),
                        Set.of("ranking"), "priority.ranking-recorded")));
    }

    /** The priority service over one storage on 1 April 2026. */
    static final class World implements AuthorisationWorld {

        final StorageProvider storage;
        final PriorityRankings priority;

        World(StorageProvider storage) {
            this.storage = storage;
            this.priority = PriorityRankings.on(Keyline.builder().storage(storage).clock(TestClock.at(NOW)).build());
        }

        @Override
        public StorageProvider storage() {
            return storage;
        }

        @Override
        public Map<String, Object> stored() {
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("facts", storage.port(AccountResultRepository.class).inPeriod(Q1));
            parts.put("ranking", storage.port(PriorityRankingRepository.class).find(PriorityRankingId.of(Q1, Segment.all()))
                    .map(PriorityRanking::snapshot));
            return parts;
        }
    }
}
