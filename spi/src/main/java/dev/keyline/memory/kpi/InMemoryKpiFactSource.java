package dev.keyline.memory.kpi;

import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.AcceptanceFact;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.BillFact;
import dev.keyline.domain.kpi.CapexFact;
import dev.keyline.domain.kpi.FaultFact;
import dev.keyline.domain.kpi.ForecastFact;
import dev.keyline.domain.kpi.PoolFact;
import dev.keyline.domain.kpi.ResponsibilityFact;
import dev.keyline.domain.kpi.WorkOrderFact;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketSnapshot;
import dev.keyline.domain.workorder.ProvisioningOrderSnapshot;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.kpi.KpiFacts;
import dev.keyline.spi.resource.ResourcePoolRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The facts of an {@link InMemoryStorage}: it scans the other areas' tables of snapshots one at a
 * time and hands each qualifying one to the sink as a fact, so it holds no fact beyond the one it
 * hands on. The tables are found by the names the areas' repositories give them.
 */
final class InMemoryKpiFactSource implements KpiFactSource {

    private final InMemoryStorage storage;

    InMemoryKpiFactSource(InMemoryStorage storage) {
        this.storage = Require.nonNull(storage, "storage");
    }

    private <S> InMemoryTable<Object, S> table(String name, Class<S> type) {
        return storage.table(name, type);
    }

    private static void check(Period period, ZoneId zone, Consumer<?> sink) {
        Require.nonNull(period, "period");
        Require.nonNull(zone, "zone");
        Require.nonNull(sink, "sink");
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    @Override
    public void workOrders(Period period, ZoneId zone, Consumer<? super WorkOrderFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading work-order facts");
        Instant from = period.startAt(zone);
        Instant to = period.endAt(zone);
        table("provisioning order", ProvisioningOrderSnapshot.class)
                .scan(s -> s.acceptedAt() != null && within(s.acceptedAt(), from, to))
                .forEach(s -> sink.accept(new WorkOrderFact(s.id().value(), s.committedCompletion(),
                        Optional.of(s.acceptedAt()))));
    }

    @Override
    public void faults(Period period, ZoneId zone, Consumer<? super FaultFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading fault facts");
        Instant from = period.startAt(zone);
        Instant to = period.endAt(zone);
        table("fault ticket", FaultTicketSnapshot.class).scan(s -> s.resolution().deadline() != null).forEach(s -> {
            FaultTicket ticket = FaultTicket.restore(s);
            ticket.resolvedAt().filter(at -> within(at, from, to)).ifPresent(at -> sink.accept(
                    new FaultFact(s.id().value(), s.resolution().deadline(), Optional.of(at))));
        });
    }

    @Override
    public void accounts(Period period, ZoneId zone, Consumer<? super AccountFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading key-account facts");
        Instant registeredBefore = KpiFacts.registeredBefore(period, zone);
        Instant firstDay = period.startAt(zone);
        table("key account", KeyAccountSnapshot.class)
                .scan(s -> s.registeredAt().isBefore(registeredBefore)
                        && s.exitedAt().map(e -> !e.isBefore(firstDay)).orElse(true))
                .forEach(s -> sink.accept(KpiFacts.account(s.id().value(), s.registeredAt(), s.exitedAt(), zone)));
    }

    @Override
    public void forecasts(Period period, ZoneId zone, Consumer<? super ForecastFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading forecast facts");
        table("SLA", ServiceLevelAgreementSnapshot.class).scan(s -> KpiFacts.forecasts(s.state()))
                .forEach(s -> KpiFacts.forecastsOf(ServiceLevelAgreement.restore(s), period, sink));
    }

    @Override
    public void pools(Period period, ZoneId zone, Consumer<? super PoolFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading resource-pool facts");
        Instant end = period.endAt(zone);
        ResourcePoolRepository repository = storage.findPort(ResourcePoolRepository.class).orElseThrow(
                () -> new InvalidStateException("the KPI area's pool facts need the resource area in " + storage.name()));
        table("resource pool", ResourcePoolSnapshot.class).scan(s -> true)
                .forEach(s -> inForceBefore(repository, s.id(), end).ifPresent(m -> sink.accept(
                        new PoolFact(s.id().value(), m.capacity(), m.allocated()))));
    }

    /** The entry of a pool's movement log in force just before an instant: its last one dated before it. */
    private static Optional<PoolMovement> inForceBefore(ResourcePoolRepository repository, PoolId pool, Instant end) {
        try (Stream<PoolMovement> log = repository.movements(pool, end.minusNanos(1), end)) {
            return log.filter(m -> m.at().isBefore(end)).reduce((a, b) -> b.sequence() > a.sequence() ? b : a);
        }
    }

    @Override
    public void responsibilities(Period period, ZoneId zone, Consumer<? super ResponsibilityFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading responsibility facts");
        Instant from = period.startAt(zone);
        Instant to = period.endAt(zone);
        table("provisioning order", ProvisioningOrderSnapshot.class)
                .scan(s -> s.stages().stream().anyMatch(p -> p.doneAt() != null && within(p.doneAt(), from, to)))
                .forEach(s -> {
                    for (StageProgress p : s.stages()) {
                        if (p.doneAt() != null && within(p.doneAt(), from, to)) {
                            KpiFacts.responsibilitiesOf(s.id().value(), p.stage().value(),
                                    s.parties().accountManager().value(), p.assignment().stationManager().value(),
                                    p.assignment().executor().value(), s.parties().itSupport().value(), p.due(),
                                    p.doneAt(), sink);
                        }
                    }
                });
    }

    @Override
    public void capex(Period period, ZoneId zone, Consumer<? super CapexFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading CAPEX facts");
        InMemoryTable<Object, BudgetSnapshot> budgets = table("budget", BudgetSnapshot.class);
        Set<BudgetId> parents = budgets.scan(s -> true).map(s -> Budget.restore(s).parent())
                .flatMap(Optional::stream).collect(Collectors.toSet());
        budgets.scan(s -> !parents.contains(s.id())).map(Budget::restore)
                .filter(b -> KpiFacts.countsCapex(b.status(), b.fiscalYear(), period))
                .forEach(b -> sink.accept(KpiFacts.capexOf(b)));
    }

    @Override
    public void acceptances(Period period, ZoneId zone, Consumer<? super AcceptanceFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading acceptance facts");
        Instant from = period.startAt(zone);
        Instant to = period.endAt(zone);
        table("CAPEX project", CapexProjectSnapshot.class).scan(s -> s.schedule() != null).forEach(s -> {
            CapexProject project = CapexProject.restore(s);
            project.acceptedAt().filter(at -> within(at, from, to)).ifPresent(at -> sink.accept(
                    new AcceptanceFact(s.id().value(), s.schedule().plannedAcceptance(), Optional.of(at))));
        });
    }

    /**
     * Sums each bill's settlements up to the period's last day in one scan (a map of the settled
     * bills, not of their facts), then hands on each bill that counts from a second scan.
     */
    @Override
    public void bills(Period period, ZoneId zone, Consumer<? super BillFact> sink) {
        check(period, zone, sink);
        storage.requireActiveTransaction("reading bill facts");
        LocalDate last = KpiFacts.lastDay(period);
        InMemoryTable<Object, ArrearsFact> facts = table("arrears fact", ArrearsFact.class);
        Map<String, Money> settled = new HashMap<>();
        facts.scan(f -> f.kind() != ArrearsFactKind.BILLED && !f.on().isAfter(last))
                .forEach(f -> settled.merge(f.account().value() + "/" + f.bill().value(), f.amount(), Money::plus));
        facts.scan(f -> f.kind() == ArrearsFactKind.BILLED && !f.on().isAfter(last))
                .map(f -> KpiFacts.bill(f.account().value(), f.bill().value(), f.amount(), f.on(), f.due().orElseThrow(),
                        settled.getOrDefault(f.account().value() + "/" + f.bill().value(), Money.zero(f.amount().currency()))))
                .filter(b -> KpiFacts.countsForArrears(b, period))
                .forEach(sink);
    }

    @Override
    public String toString() {
        return "InMemoryKpiFactSource[" + storage.name() + "]";
    }
}
