package dev.keyline.runtime.kpi;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiFactsDigest;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.domain.kpi.KpiMeasurement;
import dev.keyline.domain.kpi.KpiResult;
import dev.keyline.domain.kpi.KpiSource;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiStandingId;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.LinesInServiceFact;
import dev.keyline.domain.kpi.StageOnTimeComputation;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.kpi.KpiDefinitionRepository;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import dev.keyline.spi.kpi.KpiStandingRepository;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The KPI area's commands and reads, each in one transaction of the runtime.
 *
 * <p>Who may do what:
 * <ul>
 *   <li>{@link #compute}: the network-centre manager, IT support (who run the period's close), the
 *       key-account department's general manager and the general manager;</li>
 *   <li>{@link #recordMeasurement}: the role that owns the KPI in the catalogue in force, the
 *       department's general manager and the general manager;</li>
 *   <li>the reads ({@link #preview}, {@link #results}, {@link #measurement}, {@link #standing}):
 *       anyone the host lets call them.</li>
 * </ul>
 *
 * <p>Each value with a value is banded against its definition in the catalogue in force (the
 * seed's catalogue with the host's stored definitions laid over it), on the standing of its KPI and
 * unit, when its period has the definition's granularity and comes after the standing's last
 * period; a KPI entering amber or red raises {@code kpi.band-entered} through the outbox in the same
 * transaction. Recomputing a period already on the standing replaces the stored result but does not
 * band it again. A command that fails writes nothing.
 */
public final class KpiService {

    /** The roles that may compute and store a period's KPIs. */
    public static final Set<Role> COMPUTING_ROLES = Set.copyOf(EnumSet.of(Role.NETWORK_CENTRE_MANAGER, Role.IT_SUPPORT,
            Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER));

    private static final Set<Role> MANAGERS = EnumSet.of(Role.DEPARTMENT_GENERAL_MANAGER, Role.GENERAL_MANAGER);

    private final Keyline keyline;
    private final KpiFactSource facts;
    private final KpiResultRepository results;
    private final KpiMeasurementRepository measurements;
    private final KpiStandingRepository standings;
    private final KpiDefinitionRepository definitions;
    private final KpiCatalogue base;
    private final LinesInService lines;

    private KpiService(Keyline keyline, KpiCatalogue base, LinesInService lines) {
        this.keyline = keyline;
        this.base = base;
        this.lines = lines;
        this.facts = keyline.storage().port(KpiFactSource.class);
        this.results = keyline.storage().port(KpiResultRepository.class);
        this.measurements = keyline.storage().port(KpiMeasurementRepository.class);
        this.standings = keyline.storage().port(KpiStandingRepository.class);
        this.definitions = keyline.storage().port(KpiDefinitionRepository.class);
    }

    /**
     * The service on a runtime, over the seed's catalogue.
     *
     * @param keyline the runtime; its storage provider must store the KPI area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the KPI area
     */
    public static KpiService on(Keyline keyline) {
        return on(keyline, KpiCatalogue.seed());
    }

    /**
     * The service on a runtime, over a catalogue of the host's (the stored definitions are laid
     * over it).
     *
     * @param keyline the runtime; its storage provider must store the KPI area
     * @param base the catalogue the stored definitions are laid over
     * @return the service
     * @throws InvalidArgumentException when an argument is null
     */
    public static KpiService on(Keyline keyline, KpiCatalogue base) {
        return on(keyline, base, LinesInService.unknown());
    }

    /**
     * The service on a runtime, over a catalogue of the host's, with the host's count of lines in
     * service, so that CAPEX per line has a value.
     *
     * @param keyline the runtime; its storage provider must store the KPI area
     * @param base the catalogue the stored definitions are laid over
     * @param lines the host's count of lines in service at a period's end
     * @return the service
     * @throws InvalidArgumentException when an argument is null
     */
    public static KpiService on(Keyline keyline, KpiCatalogue base, LinesInService lines) {
        return new KpiService(Require.nonNull(keyline, "keyline"), Require.nonNull(base, "base"),
                Require.nonNull(lines, "lines"));
    }

    /**
     * Computes every computed KPI for a unit and period from the stored facts, stores each value
     * with the hash of the facts and bands it on the unit's standing. The facts are read once: the
     * values and the hash come from the same pass, so a stored result's hash names exactly the facts
     * its value came from. The host's count of lines in service at the period's end
     * ({@link LinesInService}), if it has one, is one of those facts.
     *
     * @param actor who computes
     * @param unit the organisation unit the facts are of
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @return the stored results, in {@link dev.keyline.domain.kpi.ComputedKpi} order
     * @throws InvalidArgumentException when an argument is null
     * @throws NotAuthorisedException when the actor has none of the {@link #COMPUTING_ROLES}
     */
    public List<KpiResult> compute(Actor actor, KpiUnit unit, Period period, ZoneId zone) {
        Require.nonNull(actor, "actor");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        requireAnyRole(actor, COMPUTING_ROLES, "compute the KPIs of " + unit + " for " + period);
        return keyline.execute(ctx -> {
            KpiFactsDigest digest = new KpiFactsDigest(period, zone);
            KpiComputation computation = facts.stream(period, zone, digest);
            linesAtEndOf(period).ifPresent(fact -> {
                computation.accept(fact);
                digest.accept(fact);
            });
            String hash = digest.hash();
            KpiCatalogue catalogue = definitions.catalogue(base);
            List<KpiResult> stored = new ArrayList<>();
            for (KpiValue value : computation.values()) {
                KpiResult result = new KpiResult(value, unit, zone, hash, ctx.now());
                results.save(result);
                stored.add(result);
                catalogue.find(value.kpi()).ifPresent(definition -> band(ctx, definition, unit, value));
            }
            return List.copyOf(stored);
        });
    }

    /**
     * Every computed KPI's value for a period, without storing anything: summed by the provider
     * where it can (SQL in the JDBC provider), else streamed; CAPEX per line with the host's count of
     * lines in service, as {@link #compute} has it.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @return the values, in {@link dev.keyline.domain.kpi.ComputedKpi} order
     * @throws InvalidArgumentException when an argument is null
     */
    public List<KpiValue> preview(Period period, ZoneId zone) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        Optional<LinesInServiceFact> count = linesAtEndOf(period);
        return keyline.transactions().read(() -> {
            List<KpiValue> values = new ArrayList<>(facts.compute(period, zone));
            if (count.isPresent()) {
                // CAPEX per line again, from the CAPEX facts and the host's count
                KpiComputation capex = new KpiComputation(period, zone);
                facts.capex(period, zone, capex::accept);
                capex.accept(count.get());
                values.set(ComputedKpi.CAPEX_PER_LINE.ordinal(), capex.value(ComputedKpi.CAPEX_PER_LINE));
            }
            return List.copyOf(values);
        });
    }

    /**
     * The stage on-time rate of a period (工位按时完成率), per level of the four-level assessment and
     * per person, from the provisioning stages done within it; nothing is stored.
     *
     * @param period the period
     * @param zone the zone whose local midnights bound the period
     * @return the computation, fed: {@link StageOnTimeComputation#levelValue} and
     *     {@link StageOnTimeComputation#values} give the values
     * @throws InvalidArgumentException when an argument is null
     */
    public StageOnTimeComputation stageOnTime(Period period, ZoneId zone) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        return keyline.transactions().read(() -> facts.stageOnTime(period, zone));
    }

    /** The host's count of lines in service at the period's end, as a fact; empty when it has none. */
    private Optional<LinesInServiceFact> linesAtEndOf(Period period) {
        OptionalLong count = lines.atEndOf(period);
        Require.nonNull(count, "lines.atEndOf(" + period + ")");
        return count.isPresent() ? Optional.of(new LinesInServiceFact(count.getAsLong())) : Optional.empty();
    }

    /**
     * Records a measured KPI's value for a unit and period: the next revision of its history,
     * banded on the unit's standing like a computed value.
     *
     * @param actor who records it
     * @param kpi the KPI, measured in the catalogue in force
     * @param unit the organisation unit
     * @param period the period, of the KPI's granularity
     * @param value the value, not negative, at most {@value KpiValue#SCALE} decimals
     * @return the recording
     * @throws InvalidArgumentException when an argument is null or invalid, the KPI is not in the
     *     catalogue, is computed, or the period is not of its granularity
     * @throws NotAuthorisedException when the actor neither has the KPI's owner role nor is a
     *     general manager
     * @throws StaleVersionException when another recording of the same KPI, unit and period came
     *     first
     */
    public KpiMeasurement recordMeasurement(Actor actor, KpiId kpi, KpiUnit unit, Period period, BigDecimal value) {
        Require.nonNull(actor, "actor");
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        Require.nonNegative(value, "value");
        return keyline.execute(ctx -> {
            KpiDefinition definition = definitions.catalogue(base).find(kpi).orElseThrow(
                    () -> new InvalidArgumentException("kpi", "names no KPI of the catalogue in force: " + kpi));
            Require.that(definition.formula().source() == KpiSource.MEASURED, "kpi",
                    () -> "is computed by Keyline from its facts, not measured: " + kpi);
            Require.same(definition.granularity(), period.granularity(), "period.granularity");
            Set<Role> allowed = EnumSet.copyOf(MANAGERS);
            allowed.add(definition.owner());
            requireAnyRole(actor, allowed, "record the measured KPI " + kpi + " of " + unit);
            int next = measurements.current(kpi, unit, period).map(KpiMeasurement::revision).orElse(0) + 1;
            KpiMeasurement measurement = new KpiMeasurement(kpi, unit, period, value, next, actor.user(), ctx.now());
            measurements.append(measurement);
            band(ctx, definition, unit, measurement.asValue());
            return measurement;
        });
    }

    /**
     * The results stored for a unit and period.
     *
     * @param unit the organisation unit
     * @param period the period
     * @return the results ordered by KPI id, then zone id
     * @throws InvalidArgumentException when an argument is null
     */
    public List<KpiResult> results(KpiUnit unit, Period period) {
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        return keyline.transactions().read(() -> results.ofUnit(unit, period));
    }

    /**
     * The measured value that counts for a KPI, unit and period: its latest revision.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @param period the period
     * @return the recording, or empty when none was made
     * @throws InvalidArgumentException when an argument is null
     */
    public Optional<KpiMeasurement> measurement(KpiId kpi, KpiUnit unit, Period period) {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        Require.nonNull(period, "period");
        return keyline.transactions().read(() -> measurements.current(kpi, unit, period));
    }

    /**
     * How a KPI stands for a unit.
     *
     * @param kpi the KPI
     * @param unit the organisation unit
     * @return the standing, or empty when no period was banded yet
     * @throws InvalidArgumentException when an argument is null
     */
    public Optional<KpiStanding> standing(KpiId kpi, KpiUnit unit) {
        Require.nonNull(kpi, "kpi");
        Require.nonNull(unit, "unit");
        return keyline.transactions().read(() -> standings.find(idOf(kpi, unit)));
    }

    private void band(CommandContext ctx, KpiDefinition definition, KpiUnit unit, KpiValue value) {
        if (!value.hasValue() || definition.granularity() != value.period().granularity()) {
            return;
        }
        KpiStanding standing = standings.find(idOf(definition.id(), unit))
                .orElseGet(() -> KpiStanding.open(definition.id(), unit));
        boolean later = standing.lastEntry().map(e -> value.period().compareTo(e.period()) > 0).orElse(true);
        if (later) {
            standing.record(definition, value, ctx.now());
            ctx.save(standings, standing);
        }
    }

    /** The id of a KPI's standing for a unit, as the domain derives it for a new standing. */
    private static KpiStandingId idOf(KpiId kpi, KpiUnit unit) {
        return KpiStanding.open(kpi, unit).id();
    }

    private static void requireAnyRole(Actor actor, Set<Role> roles, String attempted) {
        if (roles.stream().noneMatch(actor::hasRole)) {
            throw new NotAuthorisedException(actor + " may not " + attempted + "; that needs one of the roles " + roles);
        }
    }

    @Override
    public String toString() {
        return "KpiService[" + keyline + "]";
    }
}
