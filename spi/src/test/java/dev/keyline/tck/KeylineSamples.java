package dev.keyline.tck;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.testing.DomainSamples;
import dev.keyline.domain.testing.NullArgumentsTester;
import dev.keyline.domain.testing.NullArgumentsTester.Subject;
import dev.keyline.json.EventTypes;
import dev.keyline.json.KeylineJson;
import dev.keyline.memory.InMemoryAggregateRepository;
import dev.keyline.memory.InMemoryOutbox;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.notification.EventTypePattern;
import dev.keyline.notification.LoggingSink;
import dev.keyline.notification.RoutingRule;
import dev.keyline.notification.RoutingSink;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Relay;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.runtime.account.AccountPlans;
import dev.keyline.runtime.account.ChurnObservations;
import dev.keyline.runtime.account.ClassificationSettings;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.runtime.authority.PriceAuthorisations;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.Notification;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import dev.keyline.spi.account.SpendFactRepository;
import dev.keyline.domain.account.ReclassificationPolicy;
import dev.keyline.domain.account.SeedMinimums;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sample values and instances of the SPI, the runtime, the in-memory provider, the JSON mapping
 * and the notification sinks, on top of {@link DomainSamples}, for the {@link NullArgumentsTester}.
 *
 * <p>A storage provider's writer checks their own public API the same way:
 * <pre>{@code
 * KeylineSamples.tester(MyStorage::new)
 *         .instance(MyStorage.class, MyStorage::new)
 *         .check("com.example.keyline")
 *         .assertClean();
 * }</pre>
 * Repositories and the outbox are called inside a transaction of the storage they come from, so
 * their argument checks are judged, not the missing transaction.
 */
public final class KeylineSamples {

    private KeylineSamples() {
    }

    /**
     * A tester with the domain's and these samples, over in-memory storage.
     *
     * @return the tester
     */
    public static NullArgumentsTester tester() {
        return tester(InMemoryStorage::new);
    }

    /**
     * A tester with the domain's and these samples, whose storage, repositories, outbox and runtime
     * come from {@code storage}.
     *
     * @param storage makes the storage the samples use; called for every call, so it may return a
     *     fresh provider or a shared one
     * @return the tester
     */
    public static NullArgumentsTester tester(Supplier<? extends StorageProvider> storage) {
        NullArgumentsTester tester = DomainSamples.tester();
        registerStorage(tester, storage);
        registerRuntime(tester, storage);
        return tester;
    }

    /**
     * Registers the SPI's ports, taken from {@code storage}, with every call of a repository or the
     * outbox running inside a transaction of the storage it came from.
     *
     * @param tester the tester
     * @param storage makes the storage
     * @return the same tester
     */
    public static NullArgumentsTester registerStorage(NullArgumentsTester tester, Supplier<? extends StorageProvider> storage) {
        tester.instance(StorageProvider.class, storage)
                .instance(Transactions.class, () -> storage.get().transactions())
                .subject(Outbox.class, () -> inTransaction(storage.get(), StorageProvider::outbox))
                .subject(KeyAccountRepository.class, () -> inTransaction(storage.get(), s -> s.port(KeyAccountRepository.class)))
                .subject(SpendFactRepository.class, () -> inTransaction(storage.get(), s -> s.port(SpendFactRepository.class)))
                .subject(ClassificationResultRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(ClassificationResultRepository.class)))
                .subject(AccountPlanRepository.class, () -> inTransaction(storage.get(), s -> s.port(AccountPlanRepository.class)))
                .subject(PriceAuthorisationRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(PriceAuthorisationRepository.class)))
                .subject(FloorPriceListRepository.class, () -> inTransaction(storage.get(), s -> s.port(FloorPriceListRepository.class)))
                .subject(dev.keyline.spi.authority.AccountStandingRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.authority.AccountStandingRepository.class)))
                .subject(dev.keyline.spi.billing.ArrearsFactRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.billing.ArrearsFactRepository.class)))
                .subject(dev.keyline.spi.billing.BillingAccountRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.billing.BillingAccountRepository.class)))
                .subject(dev.keyline.spi.budget.CapexProjectRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.budget.CapexProjectRepository.class)))
                .subject(dev.keyline.spi.staff.DivisionStaffingRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.staff.DivisionStaffingRepository.class)))
                .subject(dev.keyline.spi.staff.IncentiveLedgerRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.staff.IncentiveLedgerRepository.class)))
                .subject(dev.keyline.spi.priority.AccountResultRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.priority.AccountResultRepository.class)))
                .subject(dev.keyline.spi.priority.PriorityRankingRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.priority.PriorityRankingRepository.class)))
                .subject(AggregateRepository.class, () -> inTransaction(storage.get(), s -> s.port(KeyAccountRepository.class)))
                .subject(dev.keyline.spi.kpi.KpiFactSource.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.kpi.KpiFactSource.class)))
                .subject(dev.keyline.spi.kpi.KpiResultRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.kpi.KpiResultRepository.class)))
                .subject(dev.keyline.spi.kpi.KpiMeasurementRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.kpi.KpiMeasurementRepository.class)))
                .subject(dev.keyline.spi.kpi.KpiStandingRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.kpi.KpiStandingRepository.class)))
                .subject(dev.keyline.spi.kpi.KpiDefinitionRepository.class,
                        () -> inTransaction(storage.get(), s -> s.port(dev.keyline.spi.kpi.KpiDefinitionRepository.class)));
        dev.keyline.domain.budget.CapexSamples.values(tester);
        dev.keyline.domain.staff.StaffSamples.values(tester);
        dev.keyline.domain.billing.BillingSamples.values(tester);
        tester.value(dev.keyline.domain.billing.BillingAccountSnapshot.class,
                () -> dev.keyline.domain.billing.BillingSamples.account().snapshot());
        return tester;
    }

    private static NullArgumentsTester registerRuntime(NullArgumentsTester tester, Supplier<? extends StorageProvider> storage) {
        Supplier<Keyline> keyline = () -> Keyline.builder().storage(storage.get())
                .clock(Clock.fixed(DomainSamples.AT, ZoneOffset.UTC)).build();
        // in-memory provider
        tester.instance(InMemoryStorage.class, InMemoryStorage::new)
                .instance(InMemoryStorage.Builder.class, InMemoryStorage::builder)
                .subject(InMemoryOutbox.class, () -> inTransaction(new InMemoryStorage(), InMemoryStorage::outbox))
                .subject(InMemoryAggregateRepository.class,
                        () -> inTransaction(new InMemoryStorage(), s -> (InMemoryAggregateRepository<?, ?, ?>) s.port(KeyAccountRepository.class)))
                .subject(InMemoryTable.class, () -> inTransaction(new InMemoryStorage(), s -> s.table("sample", String.class)));
        // runtime
        tester.instance(Keyline.class, keyline)
                .instance(Keyline.Builder.class, Keyline::builder)
                .instance(Relay.class, () -> keyline.get().relay())
                .instance(dev.keyline.runtime.ServiceSteps.class, () -> dev.keyline.runtime.ServiceSteps.on(keyline.get()))
                .value(dev.keyline.runtime.ServiceSteps.AccessCheck.class,
                        () -> (dev.keyline.runtime.ServiceSteps.AccessCheck<Object>) (aggregate, context) -> { })
                .value(java.util.function.BiFunction.class, () -> (a, b) -> null)
                .value(java.util.function.BiConsumer.class, () -> (a, b) -> { })
                .subject(CommandContext.class, () -> insideCommand(keyline.get()))
                .value(dev.keyline.runtime.Reaction.Handler.class,
                        () -> (dev.keyline.runtime.Reaction.Handler) (event, context) -> { })
                .value(dev.keyline.runtime.Reaction.class,
                        () -> dev.keyline.runtime.Reaction.of("sample", (event, context) -> { }, "account.*"))
                .value(RetryPolicy.class, RetryPolicy::defaults)
                .value(ScheduledExecutorService.class, KeylineSamples::stoppedExecutor)
                .instance(KeyAccounts.class, () -> KeyAccounts.on(keyline.get()))
                .instance(dev.keyline.runtime.account.Reclassifications.class,
                        () -> dev.keyline.runtime.account.Reclassifications.on(keyline.get()))
                .instance(dev.keyline.runtime.account.ChurnWarnings.class,
                        () -> dev.keyline.runtime.account.ChurnWarnings.on(keyline.get()))
                .instance(AccountPlans.class, () -> AccountPlans.on(keyline.get()))
                .instance(PriceAuthorisations.class, () -> PriceAuthorisations.on(keyline.get(), DomainSamples.matrix()))
                .instance(dev.keyline.runtime.resource.SpareParts.class, () -> dev.keyline.runtime.resource.SpareParts.on(keyline.get()))
                .instance(dev.keyline.runtime.resource.SpareDailyCheck.class,
                        () -> dev.keyline.runtime.resource.SpareDailyCheck.on(keyline.get()))
                .instance(dev.keyline.runtime.sla.ServiceLevelAgreements.class,
                        () -> dev.keyline.runtime.sla.ServiceLevelAgreements.on(keyline.get()))
                .instance(dev.keyline.runtime.workorder.FaultTickets.class,
                        () -> dev.keyline.runtime.workorder.FaultTickets.on(keyline.get(), DomainSamples.ticketClockPolicy(),
                                DomainSamples.weeklyCalendar()))
                .instance(dev.keyline.runtime.resource.ResourcePools.class,
                        () -> dev.keyline.runtime.resource.ResourcePools.on(keyline.get()))
                .instance(dev.keyline.runtime.budget.Budgets.class, () -> dev.keyline.runtime.budget.Budgets.on(keyline.get()))
                .instance(dev.keyline.runtime.staff.Staffings.class,
                        () -> dev.keyline.runtime.staff.Staffings.on(keyline.get()))
                .instance(dev.keyline.runtime.staff.Incentives.class,
                        () -> dev.keyline.runtime.staff.Incentives.on(keyline.get()))
                .instance(dev.keyline.runtime.billing.BillingAccounts.class,
                        () -> dev.keyline.runtime.billing.BillingAccounts.on(keyline.get()))
                .instance(dev.keyline.runtime.billing.CreditWarnings.class,
                        () -> dev.keyline.runtime.billing.CreditWarnings.on(keyline.get()))
                .instance(dev.keyline.runtime.kpi.KpiService.class, () -> dev.keyline.runtime.kpi.KpiService.on(keyline.get()))
                .instance(dev.keyline.runtime.kpi.LinesInService.class, dev.keyline.runtime.kpi.LinesInService::unknown)
                .value(dev.keyline.domain.kpi.KpiCatalogue.class, dev.keyline.domain.kpi.KpiCatalogue::seed)
                .value(dev.keyline.domain.kpi.KpiFactsDigest.class, () -> new dev.keyline.domain.kpi.KpiFactsDigest(
                        dev.keyline.domain.common.Period.month(java.time.YearMonth.of(2026, 3)), ZoneOffset.UTC))
                .value(java.util.function.Consumer.class, () -> (java.util.function.Consumer<Object>) fact -> { })
                .instance(dev.keyline.runtime.budget.CapexProjects.class,
                        () -> dev.keyline.runtime.budget.CapexProjects.on(keyline.get()))
                .instance(dev.keyline.runtime.budget.CapexCommitments.class,
                        () -> dev.keyline.runtime.budget.CapexCommitments.on(keyline.get()))
                .instance(dev.keyline.runtime.workorder.ProvisioningOrders.class,
                        () -> dev.keyline.runtime.workorder.ProvisioningOrders.on(keyline.get()))
                .instance(dev.keyline.runtime.priority.PriorityRankings.class,
                        () -> dev.keyline.runtime.priority.PriorityRankings.on(keyline.get()))
                .value(dev.keyline.domain.workorder.ServicePriorityLookup.class,
                        dev.keyline.domain.workorder.ServicePriorityLookup::standard)
                .value(dev.keyline.runtime.workorder.ProvisioningPlanCatalogue.class,
                        () -> dev.keyline.runtime.workorder.ProvisioningPlanCatalogue.of(java.util.List.of()))
                .instance(dev.keyline.runtime.workorder.ProvisioningPlanCatalogue.class,
                        () -> dev.keyline.runtime.workorder.ProvisioningPlanCatalogue.of(java.util.List.of()))
                .value(ChurnObservations.class, ChurnObservations::none)
                .value(ClassificationSettings.class,
                        () -> ClassificationSettings.of(SeedMinimums.suzhou(), ReclassificationPolicy.halfYearly()))
                .argument(ChurnObservations.class, NullArgumentsTester.CONSTRUCTOR, "arrears", () -> Money.cny("0.00"));
        // messages, JSON and sinks
        tester.value(OutboxMessage.class, KeylineSamples::outboxMessage)
                .value(Notification.class, () -> Notification.of(outboxMessage(), 1))
                .value(dev.keyline.spi.OutboxMark.class, () -> dev.keyline.spi.OutboxMark.delivered(
                        new dev.keyline.spi.OutboxClaim(1, outboxMessage(), "sample", 1, 0, DomainSamples.AT), DomainSamples.AT))
                .value(KeylineJson.class, KeylineJson::create)
                .value(EventTypes.class, EventTypes::standard)
                .value(TypeReference.class, () -> new TypeReference<Map<String, Object>>() { })
                .value(Class.class, () -> String.class)
                .value(Function.class, () -> ids -> Map.of())
                .value(RecordingSink.class, () -> new RecordingSink("sample"))
                .value(System.Logger.class, () -> System.getLogger(KeylineSamples.class.getName()))
                .value(EventTypePattern.class, () -> EventTypePattern.of("account.*"))
                .value(RoutingRule.class, () -> RoutingRule.forRole("ACCOUNT_MANAGER", new RecordingSink("sample")))
                .instance(LoggingSink.class, () -> LoggingSink.builder().logger(System.getLogger(KeylineSamples.class.getName())).build())
                .instance(LoggingSink.Builder.class, LoggingSink::builder)
                .instance(RoutingSink.class, () -> RoutingSink.builder()
                        .rule(RoutingRule.forRole("ACCOUNT_MANAGER", new RecordingSink("sample"))).dropUnmatched().build())
                .instance(RoutingSink.Builder.class, RoutingSink::builder)
                .argument(RoutingRule.class, NullArgumentsTester.CONSTRUCTOR, "sinks", () -> List.of(new RecordingSink("sample")));
        return tester;
    }

    /**
     * A subject whose calls run inside a transaction of {@code storage}.
     *
     * @param storage the storage
     * @param part what of the storage the calls go to
     * @param <S> the storage type
     * @return the subject
     */
    public static <S extends StorageProvider> Subject inTransaction(S storage, Function<S, ?> part) {
        return Subject.of(part.apply(storage), call -> storage.transactions().execute(call::get));
    }

    /** A subject whose calls run inside a command of {@code keyline}, on that command's context. */
    private static Subject insideCommand(Keyline keyline) {
        AtomicReference<CommandContext> current = new AtomicReference<>();
        return new Subject(current::get, call -> keyline.execute(context -> {
            current.set(context);
            return call.get();
        }));
    }

    /** An executor that was shut down before it ran anything, so no thread is left behind. */
    private static ScheduledExecutorService stoppedExecutor() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        executor.shutdownNow();
        return executor;
    }

    private static OutboxMessage outboxMessage() {
        return new OutboxMessage(new EventId(java.util.UUID.fromString("00000000-0000-4000-8000-000000000004")), "A-1",
                "account.registered", DomainSamples.AT, Audience.of("sample subject"), "{}");
    }
}
