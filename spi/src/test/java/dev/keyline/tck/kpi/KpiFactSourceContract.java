package dev.keyline.tck.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.billing.ArrearsFact;
import dev.keyline.domain.billing.ArrearsFactId;
import dev.keyline.domain.billing.ArrearsFactKind;
import dev.keyline.domain.billing.ArrearsFold;
import dev.keyline.domain.billing.ArrearsRateInput;
import dev.keyline.domain.billing.BillId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.spi.kpi.KpiFacts;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProject;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.kpi.AcceptanceFact;
import dev.keyline.domain.kpi.AccountFact;
import dev.keyline.domain.kpi.BillFact;
import dev.keyline.domain.kpi.ComputedKpi;
import dev.keyline.domain.kpi.FaultFact;
import dev.keyline.domain.kpi.KpiComputation;
import dev.keyline.domain.kpi.KpiFactsDigest;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.domain.kpi.PoolFact;
import dev.keyline.domain.kpi.ResponsibilityFact;
import dev.keyline.domain.kpi.StageOnTimeComputation;
import dev.keyline.domain.kpi.WorkOrderFact;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.workorder.FaultCause;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultStation;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StagePlan;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.domain.workorder.WorkOrderStation;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.spi.budget.CapexProjectRepository;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.tck.StorageBackedContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link KpiFactSource}: random work orders, fault tickets, key accounts,
 * resource pools, CAPEX projects and billing's arrears facts are stored through their areas' own repositories, and
 * for random periods and zones the source's facts, fed to a {@link KpiComputation}, and the
 * provider's own {@link KpiFactSource#compute} both give exactly the values a computation fed the
 * stored facts directly gives. The test keeps those facts itself, from the aggregates it saved; the
 * arrears rate it expects is the billing area's own arrears-rate input ({@link ArrearsFold#rateInput})
 * summed over the accounts.
 */
public abstract class KpiFactSourceContract extends StorageBackedContract {

    private static final Instant BASE = Instant.parse("2025-11-01T00:00:00Z");
    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York")};
    private static final BusinessCalendar DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);
    private static final StageId ONLY = new StageId("only");
    private static final StagePlan ONE_DAY = StagePlan.of(List.of(PlannedStage.ofDays(ONLY, BigDecimal.ONE, List.of())));
    private static final Actor CALL_CENTRE = Actor.withRoles(new UserId("li"), Role.ACCOUNT_MANAGER);
    private static final Actor NETWORK = Actor.withRoles(new UserId("zhao"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor STATION = Actor.withRoles(new UserId("wu"), Role.STATION_EXECUTOR);
    private static final BusinessCalendar ALL_DAYS = BusinessCalendar.allDays(ZoneOffset.UTC);
    private static final TicketClockPolicy POLICY = policy();

    private final List<WorkOrderFact> orders = new ArrayList<>();
    private final List<FaultFact> faults = new ArrayList<>();
    private final List<Instant[]> accounts = new ArrayList<>();
    private final List<String> accountIds = new ArrayList<>();
    /** Each pool's movements as the test made them: the counts in force from {@code at} on. */
    private final List<PoolEntry> poolLog = new ArrayList<>();
    private final List<ResponsibilityFact> responsibilities = new ArrayList<>();
    private final List<AcceptanceFact> acceptances = new ArrayList<>();
    private final List<ArrearsFact> arrears = new ArrayList<>();
    private final List<AccountId> billedAccounts = new ArrayList<>();
    private int next;

    /** A pool's counts in force from an instant on. */
    private record PoolEntry(String pool, Instant at, long capacity, long allocated) {
    }

    private static TicketClockPolicy policy() {
        Map<FaultPriority, TicketClockTargets> table = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            table.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
        }
        return TicketClockPolicy.byPriority(table);
    }

    private KpiFactSource source() {
        return storage.port(KpiFactSource.class);
    }

    private String nextId(String prefix) {
        return prefix + "-" + (++next);
    }

    private static Instant someTime(Random random) {
        return BASE.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 540)));
    }

    /** Stores {@code count} random facts of each kind and remembers them. */
    private void storeRandomFacts(Random random, int count) {
        storage.transactions().run(() -> {
            for (int i = 0; i < count; i++) {
                storeOrder(random);
                storeFault(random);
                storeAccount(random);
                storePool(random);
                storeBill(random);
                storeProject(random);
            }
        });
    }

    private void storeOrder(Random random) {
        Instant start = someTime(random);
        ProvisioningOrder order = ProvisioningOrder.open(new ProvisioningOrderId(nextId("PO")),
                new ProvisioningParties(new AccountId("A-1"), new ProductCode("DDN"), new LocalNetworkId("SZ"),
                        new UserId("am-" + random.nextInt(2)), new UserId("it-" + random.nextInt(2))),
                ONE_DAY, List.of(new StageAssignment(ONLY, new WorkOrderStation("st-1"), new LocalNetworkId("SZ"),
                        new UserId("sm-" + random.nextInt(3)), new UserId("ex-" + random.nextInt(3)))),
                start, DAYS, ProvisioningOrder.DEFAULT_WARNING_SHARE, Optional.empty());
        Optional<Instant> accepted = Optional.empty();
        if (random.nextInt(4) > 0) {
            Instant done = start.plus(Duration.ofMinutes(1 + random.nextInt(60 * 48)));
            order.start(ONLY, DAYS, start);
            order.complete(ONLY, done);
            var stage = order.snapshot().stages().get(0);
            KpiFacts.responsibilitiesOf(order.id().value(), ONLY.value(), order.snapshot().parties().accountManager().value(),
                    stage.assignment().stationManager().value(), stage.assignment().executor().value(),
                    order.snapshot().parties().itSupport().value(), stage.due(), done, responsibilities::add);
            accepted = Optional.of(random.nextBoolean() ? done : done.plus(Duration.ofMinutes(random.nextInt(600))));
            order.accept("customer", accepted.get());
        }
        storage.port(ProvisioningOrderRepository.class).save(order);
        orders.add(new WorkOrderFact(order.id().value(), order.committedCompletion(), accepted));
    }

    private void storeFault(Random random) {
        Instant at = someTime(random);
        FaultTicket ticket = FaultTicket.report(new FaultTicketId(nextId("FT")), new AccountId("A-1"),
                new ProductCode("DDN"), FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(),
                "line down", POLICY, CALL_CENTRE, ALL_DAYS, at);
        if (random.nextInt(4) > 0) {
            ticket.diagnose(NETWORK, "card", ALL_DAYS, at.plusSeconds(60));
            ticket.dispatch(NETWORK, new FaultStation("ST-1"), "replace it", ALL_DAYS, at.plusSeconds(120));
            ticket.startRepair(STATION, "on site", ALL_DAYS, at.plusSeconds(180));
            ticket.returnRepaired(NETWORK, new FaultCause("CARD"), "replaced", ALL_DAYS,
                    at.plus(Duration.ofMinutes(4 + random.nextInt(60 * 16))));
        }
        storage.port(FaultTicketRepository.class).save(ticket);
        // derived here, not read from the ticket: the resolution clock starts at the report and every
        // moment of ALL_DAYS is working time, so the deadline is 8 hours on, met or missed
        faults.add(new FaultFact(ticket.id().value(), at.plus(Duration.ofHours(8)), ticket.resolvedAt()));
    }

    private void storeAccount(Random random) {
        Instant registered = someTime(random);
        KeyAccount account = KeyAccount.register(new AccountId(nextId("KA")), "Customer", new LocalNetworkId("SZ"),
                Industry.FINANCE, new UserId("clerk"), registered);
        Instant exited = null;
        if (random.nextBoolean()) {
            exited = registered.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 200)));
            account.exit("moved to a competitor", new UserId("clerk"), exited);
        }
        storage.port(KeyAccountRepository.class).save(account);
        accountIds.add(account.id().value());
        accounts.add(new Instant[] {registered, exited});
    }

    /**
     * Opens a pool at a random time, allocates some of it later and, now and then, adds capacity
     * later still, remembering the counts in force from each change on.
     */
    private void storePool(Random random) {
        long capacity = 1 + random.nextInt(50);
        Instant opened = someTime(random);
        ResourcePool pool = ResourcePool.open(new PoolId(nextId("P")), ResourceType.DDN_PORT,
                new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), capacity, Duration.ofHours(1), opened);
        String id = pool.id().value();
        poolLog.add(new PoolEntry(id, opened, capacity, 0));
        long allocated = random.nextInt((int) capacity + 1);
        Instant at = opened;
        if (allocated > 0) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 60)));
            pool.allocateDirectly(new AllocationId(nextId("L")), new AccountId("A-1"), "ORD", allocated, at);
            poolLog.add(new PoolEntry(id, at, capacity, allocated));
        }
        if (random.nextBoolean()) {
            long more = 1 + random.nextInt(20);
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 60)));
            pool.addCapacity(more, "line cards added", at);
            capacity += more;
            poolLog.add(new PoolEntry(id, at, capacity, allocated));
        }
        storage.port(ResourcePoolRepository.class).save(pool);
    }

    /** Each pool's counts in force at an instant: its last change before it; none for a pool opened since. */
    private List<PoolFact> poolsAt(Instant end) {
        Map<String, PoolFact> inForce = new java.util.LinkedHashMap<>();
        for (PoolEntry e : poolLog) {
            if (e.at().isBefore(end)) {
                inForce.put(e.pool(), new PoolFact(e.pool(), e.capacity(), e.allocated()));
            }
        }
        return List.copyOf(inForce.values());
    }

    /**
     * Approves a CAPEX project with a planned acceptance 10 to 70 days on and, three times in four,
     * builds and accepts it up to 10 days before or after that.
     */
    private void storeProject(Random random) {
        Actor manager = Actor.withRoles(new UserId("gm-kpi"), Role.GENERAL_MANAGER);
        Instant proposed = someTime(random);
        CapexProject project = CapexProject.propose(new CapexProjectId(nextId("CP")), CapexKind.ROLLING, "access",
                new LocalNetworkId("SZ"), List.of(), manager, "demand", proposed);
        project.startFeasibility(manager, "routes surveyed", proposed.plusSeconds(60));
        Instant approved = proposed.plusSeconds(120);
        Instant due = approved.plus(Duration.ofMinutes(60L * 24 * (10 + random.nextInt(60))));
        project.approve(manager, new CapexBudgetLine(new BudgetId("B-KPI"), new BudgetLineId("CAPEX-1")),
                Money.cny("1000.00"), new CapexSchedule(approved.plusSeconds(60), due), "approved", approved);
        Optional<Instant> accepted = Optional.empty();
        if (random.nextInt(4) > 0) {
            project.startConstruction(manager, "on site", approved.plusSeconds(120));
            Instant at = due.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20) - 60 * 24 * 10));
            at = at.isAfter(approved.plusSeconds(180)) ? at : approved.plusSeconds(180);
            project.accept(manager, List.of(), true, 1, "accepted", at);
            accepted = Optional.of(at);
        }
        storage.port(CapexProjectRepository.class).save(project);
        acceptances.add(new AcceptanceFact(project.id().value(), due, accepted));
    }

    /**
     * Bills one of three accounts on a random day (due 0 to 60 days later) and settles none, part,
     * all of it, or it in two parts, each on a random later day.
     */
    private void storeBill(Random random) {
        AccountId account = new AccountId("BA-" + random.nextInt(3));
        BillId bill = new BillId(nextId("B"));
        LocalDate billedOn = LocalDate.of(2025, 11, 1).plusDays(random.nextInt(540));
        long cents = 1 + random.nextInt(1_000_000);
        List<ArrearsFact> facts = new ArrayList<>();
        facts.add(ArrearsFact.billed(new ArrearsFactId(nextId("AF")), account, bill, Money.ofCents(cents, Money.CNY),
                billedOn, billedOn.plusDays(random.nextInt(61)), BASE));
        long open = cents;
        for (int i = random.nextInt(3); i > 0 && open > 0; i--) {
            long part = i == 1 && random.nextBoolean() ? open : 1 + (long) (random.nextDouble() * open);
            open -= part;
            facts.add(ArrearsFact.settled(new ArrearsFactId(nextId("AF")), account, bill,
                    random.nextBoolean() ? ArrearsFactKind.PAID : ArrearsFactKind.WRITTEN_OFF,
                    Money.ofCents(part, Money.CNY), billedOn.plusDays(random.nextInt(120)), BASE));
        }
        storage.port(ArrearsFactRepository.class).appendAll(facts);
        arrears.addAll(facts);
        if (!billedAccounts.contains(account)) {
            billedAccounts.add(account);
        }
    }

    /** The arrears rate as the billing area defines it: its accounts' arrears-rate inputs summed. */
    private KpiValue expectedArrearsRate(Period period) {
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        for (AccountId account : billedAccounts) {
            ArrearsRateInput input = ArrearsFold.rateInput(arrears, account, period, Money.CNY);
            overdue = overdue.add(input.overdue().amount());
            billed = billed.add(input.billed().amount());
        }
        return KpiValue.ratio(ComputedKpi.ARREARS_RATE.id(), period, unscaledZero(overdue), unscaledZero(billed));
    }

    /** A sum as a computation holds it: zero when nothing was added, else to the cent. */
    private static BigDecimal unscaledZero(BigDecimal sum) {
        return sum.signum() == 0 ? BigDecimal.ZERO : sum;
    }

    /** The values a computation fed every remembered fact gives. */
    private List<KpiValue> expected(Period period, ZoneId zone) {
        KpiComputation computation = new KpiComputation(period, zone);
        orders.forEach(computation::accept);
        faults.forEach(computation::accept);
        for (int i = 0; i < accounts.size(); i++) {
            Instant[] days = accounts.get(i);
            computation.accept(new AccountFact(accountIds.get(i), LocalDate.ofInstant(days[0], zone),
                    Optional.ofNullable(days[1]).map(e -> LocalDate.ofInstant(e, zone))));
        }
        poolsAt(period.endAt(zone)).forEach(computation::accept);
        acceptances.forEach(computation::accept);
        List<KpiValue> values = new ArrayList<>(computation.values());
        values.set(ComputedKpi.ARREARS_RATE.ordinal(), expectedArrearsRate(period));
        return values;
    }

    private static Period period(int kind, int year, int index) {
        return switch (kind) {
            case 0 -> Period.month(YearMonth.of(year, 1 + index % 12));
            case 1 -> Period.quarter(year, 1 + index % 4);
            default -> Period.year(year);
        };
    }

    @Test
    void sqlAndStreamingComputationsAgree() {
        qt().withExamples(propertyExamples()).withFixedSeed(20260314L)
                .forAll(longs().all(), integers().between(0, 2), integers().between(0, 11), integers().between(0, 2))
                .checkAssert((seed, kind, index, zone) -> {
                    storeRandomFacts(new Random(seed), 3);
                    Period period = period(kind, 2026, index);
                    ZoneId z = ZONES[zone];
                    List<KpiValue> expected = expected(period, z);
                    assertThat(inTransaction(() -> source().compute(period, z))).isEqualTo(expected);
                    assertThat(inTransaction(() -> source().stream(period, z).values())).isEqualTo(expected);
                });
    }

    @Test
    void theStageOnTimeRatePerLevelAndPersonIsWhatTheStoredStagesGive() {
        qt().withExamples(propertyExamples()).withFixedSeed(20260315L)
                .forAll(longs().all(), integers().between(0, 2), integers().between(0, 11), integers().between(0, 2))
                .checkAssert((seed, kind, index, zone) -> {
                    storeRandomFacts(new Random(seed), 3);
                    Period period = period(kind, 2026, index);
                    ZoneId z = ZONES[zone];
                    StageOnTimeComputation expected = new StageOnTimeComputation(period, z);
                    responsibilities.forEach(expected::accept);
                    StageOnTimeComputation read = inTransaction(() -> source().stageOnTime(period, z));
                    for (Role level : ResponsibilityFact.LEVELS) {
                        assertThat(read.levelValue(level)).as(level.name()).isEqualTo(expected.levelValue(level));
                        assertThat(read.values(level)).as(level.name()).isEqualTo(expected.values(level));
                    }
                });
    }

    @Test
    void eachKindOfFactIsReadOnlyWhenItCountsForThePeriod() {
        storeRandomFacts(new Random(7), 150);
        Period march = Period.month(YearMonth.of(2026, 3));
        ZoneId shanghai = ZONES[1];
        Instant from = march.startAt(shanghai);
        Instant to = march.endAt(shanghai);
        List<String> orderIds = this.<WorkOrderFact, String>collect(sink -> source().workOrders(march, shanghai, sink), WorkOrderFact::id);
        assertThat(orderIds).containsExactlyInAnyOrderElementsOf(orders.stream()
                .filter(o -> o.completed().filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent())
                .map(WorkOrderFact::id).toList());
        List<String> faultIds = this.<FaultFact, String>collect(sink -> source().faults(march, shanghai, sink), FaultFact::id);
        assertThat(faultIds).containsExactlyInAnyOrderElementsOf(faults.stream()
                .filter(f -> f.resolved().filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent())
                .map(FaultFact::id).toList());
        List<AccountFact> keyOnFirstDay = this.<AccountFact, AccountFact>collect(
                sink -> source().accounts(march, shanghai, sink), a -> a);
        assertThat(keyOnFirstDay).allMatch(a -> a.keyOn(march.start()));
        assertThat(keyOnFirstDay).isNotEmpty();
        assertThat(this.<PoolFact, PoolFact>collect(sink -> source().pools(march, shanghai, sink), p -> p))
                .as("each pool as it stood at the end of March").containsExactlyInAnyOrderElementsOf(poolsAt(to));
        assertThat(poolsAt(to)).as("some pools changed after March").isNotEqualTo(poolsAt(Instant.MAX));
        List<ResponsibilityFact> stages = this.<ResponsibilityFact, ResponsibilityFact>collect(
                sink -> source().responsibilities(march, shanghai, sink), r -> r);
        assertThat(stages).as("four levels of every stage done in March").containsExactlyInAnyOrderElementsOf(
                responsibilities.stream().filter(r -> !r.completed().isBefore(from) && r.completed().isBefore(to))
                        .toList());
        assertThat(stages).isNotEmpty();
        List<String> projectIds = this.<AcceptanceFact, String>collect(
                sink -> source().acceptances(march, shanghai, sink), AcceptanceFact::id);
        assertThat(projectIds).as("CAPEX projects accepted in March").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(acceptances.stream()
                        .filter(a -> a.accepted().filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent())
                        .map(AcceptanceFact::id).toList());
        assertThat(orderIds).as("the random facts reach into March").isNotEmpty();
        LocalDate lastDay = LocalDate.of(2026, 3, 31);
        List<BillFact> bills = this.<BillFact, BillFact>collect(sink -> source().bills(march, shanghai, sink), b -> b);
        assertThat(bills).as("bills dated in March or overdue and unpaid on its last day")
                .allMatch(b -> march.contains(b.billedOn()) || b.overdueOn(lastDay));
        assertThat(bills).anyMatch(b -> march.contains(b.billedOn()));
        assertThat(bills).anyMatch(b -> b.billedOn().isBefore(march.start()) && b.overdueOn(lastDay));
        long counted = arrears.stream().filter(f -> f.kind() == ArrearsFactKind.BILLED)
                .filter(f -> march.contains(f.on()) || (!f.on().isAfter(lastDay) && f.due().orElseThrow().isBefore(lastDay)
                        && openOn(f, lastDay).signum() > 0))
                .count();
        assertThat(bills).hasSize((int) counted);
        for (BillFact bill : bills) {
            ArrearsFact billedFact = arrears.stream().filter(f -> f.kind() == ArrearsFactKind.BILLED
                    && bill.id().equals(f.account().value() + "/" + f.bill().value())).findFirst().orElseThrow();
            assertThat(bill.unpaid().amount()).as(bill.id()).isEqualByComparingTo(openOn(billedFact, lastDay));
        }
    }

    /** What is unpaid of a bill on a day, from the remembered facts. */
    private BigDecimal openOn(ArrearsFact billedFact, LocalDate day) {
        BigDecimal open = billedFact.amount().amount();
        for (ArrearsFact f : arrears) {
            if (f.kind() != ArrearsFactKind.BILLED && f.account().equals(billedFact.account())
                    && f.bill().equals(billedFact.bill()) && !f.on().isAfter(day)) {
                open = open.subtract(f.amount().amount());
            }
        }
        return open;
    }

    @Test
    void theSameStoredFactsGiveTheSameHashAndOneMoreFactAnother() {
        storeRandomFacts(new Random(11), 20);
        Period quarter = Period.quarter(2026, 1);
        ZoneId shanghai = ZONES[1];
        String first = inTransaction(() -> hashOf(quarter, shanghai));
        assertThat(inTransaction(() -> hashOf(quarter, shanghai))).isEqualTo(first);
        AccountId payer = new AccountId("BA-9");
        storage.transactions().run(() -> storage.port(ArrearsFactRepository.class).append(ArrearsFact.billed(
                new ArrearsFactId("AF-hash"), payer, new BillId("B-hash"), Money.cny("10.00"), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28), BASE)));
        String withBill = inTransaction(() -> hashOf(quarter, shanghai));
        assertThat(withBill).as("a bill of the quarter changes the hash").isNotEqualTo(first);
        first = withBill;
        int before = orders.size();
        Random random = new Random(12);
        while (orders.stream().skip(before).noneMatch(o -> o.completed()
                .filter(at -> quarter.contains(at, shanghai)).isPresent())) {
            storage.transactions().run(() -> storeOrder(random));
        }
        assertThat(inTransaction(() -> hashOf(quarter, shanghai))).isNotEqualTo(first);
    }

    private String hashOf(Period period, ZoneId zone) {
        KpiFactsDigest digest = new KpiFactsDigest(period, zone);
        source().stream(period, zone, digest);
        return digest.hash();
    }

    @Test
    void anEmptyStoreGivesNoValueForTheRatiosAndOneForForecastAccuracy() {
        Period march = Period.month(YearMonth.of(2026, 3));
        List<KpiValue> values = inTransaction(() -> source().compute(march, ZoneOffset.UTC));
        assertThat(values).extracting(KpiValue::kpi).containsExactly(
                java.util.Arrays.stream(ComputedKpi.values()).map(ComputedKpi::id).toArray(dev.keyline.domain.kpi.KpiId[]::new));
        for (KpiValue value : values) {
            if (value.kpi().equals(ComputedKpi.FORECAST_ACCURACY.id())) {
                assertThat(value.value()).contains(new BigDecimal("1.0000"));
            } else {
                assertThat(value.value()).as(value.kpi().value()).isEmpty();
            }
        }
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        Period march = Period.month(YearMonth.of(2026, 3));
        assertThatThrownBy(() -> inTransaction(() -> source().compute(null, ZoneOffset.UTC)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> inTransaction(() -> source().compute(march, null)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> inTransaction(() -> {
            source().workOrders(march, ZoneOffset.UTC, null);
            return null;
        })).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sink");
    }

    private <F, T> List<T> collect(Consumer<Consumer<F>> read, java.util.function.Function<F, T> map) {
        return inTransaction(() -> {
            List<T> found = new ArrayList<>();
            read.accept(f -> found.add(map.apply(f)));
            return found;
        });
    }
}
