package dev.keyline.tck.kpi;

import static dev.keyline.tck.AuthorisationScenario.anyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.kpi.KpiService;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import dev.keyline.spi.kpi.KpiStandingRepository;
import dev.keyline.tck.AuthorisationScenario;
import dev.keyline.tck.AuthorisationScenario.AuthorisationWorld;
import dev.keyline.tck.AuthorisationScenario.Counts;
import dev.keyline.tck.AuthorisationScenario.Step;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The "Authorisation" reliability suite for the KPI area on a storage provider: both commands of
 * {@code KpiService} are run by every {@link Role} of the kernel (and the scope variants of
 * {@link AuthorisationScenario#actors()}), and the outcome is compared with the rules below, stated
 * as data from docs/kpis.md ("Who may do what") and docs/kpi-catalogue.md, never read from the
 * service.
 *
 * <p>The statement: computing a period's KPIs is for the network-centre manager, IT support, the
 * department general manager and the general manager; recording a measured KPI for the KPI's owner
 * role in the catalogue (for {@code marketing-satisfaction} the catalogue names
 * {@code NETWORK_CENTRE_MANAGER}), the department general manager and the general manager. A refusal
 * is a {@code NotAuthorisedException} and writes nothing: no result, no measurement, no standing, no
 * event (all reloaded, and the whole outbox).
 */
public abstract class KpiAuthorisationContract {

    /** Who computes. */
    static final Predicate<Actor> COMPUTE = anyOf(Role.NETWORK_CENTRE_MANAGER, Role.IT_SUPPORT,
            Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);
    /** Who records {@code marketing-satisfaction}: its owner in the catalogue and the two general managers. */
    static final Predicate<Actor> RECORD_MARKETING_SATISFACTION = anyOf(Role.NETWORK_CENTRE_MANAGER,
            Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);

    /** The refused cases the statement gives over the steps below, pinned so docs/reliability.md follows. */
    private static final int REFUSED_CASES = 23;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final KpiUnit CENTRE = new KpiUnit("suzhou-network-centre");
    private static final KpiUnit DISPATCH = new KpiUnit("network-management-dispatch");
    private static final KpiId MARKETING_SATISFACTION = KpiId.of("marketing-satisfaction");
    private static final Period YEAR = Period.year(2025);
    private static final Period MARCH = Period.month(YearMonth.of(2026, 3));

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
    void everyKpiCommandByEveryRoleIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        Counts counts = scenario(() -> new World(newStorage())).run(everyPermittedActor());
        assertThat(counts.refused()).as("refused cases").isEqualTo(REFUSED_CASES);
        System.out.printf("Authorisation (KPIs): %d steps x %d actors, %d refused and %d permitted cases run%n",
                counts.steps(), AuthorisationScenario.actors().size(), counts.refused(), counts.permitted());
    }

    /**
     * A year computed for the network centre (every KPI of the catalogue is monthly, so a year's
     * results are stored and banded on no standing), then March's marketing satisfaction of 90
     * recorded (green: its green threshold is 85, so a standing opens and no band is entered).
     */
    static AuthorisationScenario<World> scenario(Supplier<World> worlds) {
        return new AuthorisationScenario<World>(worlds, List.<Step<World>>of(
                Step.of("KpiService.compute", "2025 for the network centre", COMPUTE,
                        (w, a) -> w.kpis.compute(a, CENTRE, YEAR, SHANGHAI), Set.of("results")),
                Step.of("KpiService.recordMeasurement", "marketing satisfaction 90", RECORD_MARKETING_SATISFACTION,
                        (w, a) -> w.kpis.recordMeasurement(a, MARKETING_SATISFACTION, DISPATCH, MARCH,
                                new BigDecimal("90")), Set.of("measurements", "standings"))));
    }

    /** The KPI service over one storage on 2 April 2026. */
    static final class World implements AuthorisationWorld {

        final StorageProvider storage;
        final KpiService kpis;

        World(StorageProvider storage) {
            this.storage = storage;
            this.kpis = KpiService.on(Keyline.builder().storage(storage)
                    .clock(TestClock.at(Instant.parse("2026-04-02T02:00:00Z"))).build());
        }

        @Override
        public StorageProvider storage() {
            return storage;
        }

        @Override
        public Map<String, Object> stored() {
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("results", storage.port(KpiResultRepository.class).ofUnit(CENTRE, YEAR));
            parts.put("measurements", storage.port(KpiMeasurementRepository.class).history(MARKETING_SATISFACTION,
                    DISPATCH, MARCH));
            KpiStandingRepository standings = storage.port(KpiStandingRepository.class);
            parts.put("standings", List.of(standings.ofUnit(CENTRE).stream().map(KpiStanding::snapshot).toList(),
                    standings.ofUnit(DISPATCH).stream().map(KpiStanding::snapshot).toList()));
            return parts;
        }
    }
}
