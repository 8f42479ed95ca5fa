package dev.keyline.jdbc;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.authority.FloorPriceList;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.staff.DivisionStaffing;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.runtime.CommandContext;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.spi.staff.DivisionStaffingRepository;
import dev.keyline.domain.budget.Budget;
import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaSamples;
import dev.keyline.domain.testing.DomainSamples;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.FaultSource;
import dev.keyline.domain.workorder.FaultTicket;
import dev.keyline.domain.workorder.FaultTicketId;
import dev.keyline.domain.workorder.FaultTicketState;
import dev.keyline.spi.budget.BudgetRepository;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiStanding;
import dev.keyline.domain.kpi.KpiStandingId;
import dev.keyline.domain.kpi.KpiUnit;
import dev.keyline.domain.kpi.KpiValue;
import dev.keyline.spi.kpi.KpiStandingRepository;
import dev.keyline.domain.priority.AccountResult;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.PriorityRanking;
import dev.keyline.domain.priority.PriorityRankingId;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.spi.priority.PriorityRankingRepository;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The areas the reliability suites drive, in two kinds of workload.
 * <ul>
 *   <li>{@link Entry} (the "Crash", "Outbox" and "Concurrency" suites): how to create an aggregate
 *       of the area under a key, and a change that can be applied to it again and again. Every
 *       change raises at least one event and advances the stored version by exactly one, so "no
 *       update lost" reads as "stored version = 1 + committed changes". {@link #ALL} lists them.</li>
 *   <li>{@link CreateOnly} (the "Crash" and "Outbox" suites): an area whose aggregates are only ever
 *       created, never changed, such as the priority area's ranking, inserted once per period and
 *       segment. Each command creates a new aggregate, named by the command's number, so "nothing
 *       lost, nothing partly written" reads as "every committed command's aggregate is stored and
 *       reads back as it was created, and nothing else is". {@link #CREATE_ONLY} lists them.</li>
 * </ul>
 * Adding an area to the suites is one line in one of the two lists. The "Concurrency" suite has a
 * test of its own for the priority area, whose writers collide on inserts, not on versions.
 */
final class ReliabilityWorkloads {

    private static final UserId BY = new UserId("reliability");
    private static final LocalNetworkId NETWORK = new LocalNetworkId("SZ");
    private static final BusinessCalendar CALENDAR = BusinessCalendar.allDays(ZoneId.of("Asia/Shanghai"));

    /** A change applied to a loaded aggregate; {@code n} makes each change distinct. */
    @FunctionalInterface
    interface Change<A> {
        void apply(A aggregate, int n, Instant at);
    }

    /**
     * One area's aggregate under test.
     *
     * @param area the area's name
     * @param port the repository port
     * @param id the aggregate id of a key
     * @param create a new aggregate of a key
     * @param change a repeatable change
     */
    record Entry<A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>>(
            String area, Class<R> port, Function<String, I> id, BiFunction<I, Instant, A> create, Change<A> change) {

        /** Creates the aggregate of {@code key} inside the command. */
        void create(CommandContext ctx, StorageProvider storage, String key) {
            ctx.save(storage.port(port), create.apply(id.apply(key), ctx.now()));
        }

        /** Loads the aggregate of {@code key}, changes it and saves it, inside the command. */
        void change(CommandContext ctx, StorageProvider storage, String key, int n) {
            A aggregate = storage.port(port).get(id.apply(key));
            change.apply(aggregate, n, ctx.now());
            ctx.save(storage.port(port), aggregate);
        }

        /** The id text of the aggregate of {@code key}, as its events name it. */
        String idText(String key) {
            return id.apply(key).value();
        }

        /** Loads the aggregate of {@code key} (the command's load), to be changed later. */
        A load(StorageProvider storage, String key) {
            return storage.port(port).get(id.apply(key));
        }

        /** Changes an aggregate loaded earlier and saves it. */
        void changeLoaded(CommandContext ctx, StorageProvider storage, A aggregate, int n) {
            change.apply(aggregate, n, ctx.now());
            ctx.save(storage.port(port), aggregate);
        }

        /**
         * The stored version of the aggregate of {@code key}, restored through the repository (so
         * through the aggregate's restore path and its invariant checks); empty when none is stored.
         * Call inside a transaction.
         */
        OptionalLong storedVersion(StorageProvider storage, String key) {
            return storage.port(port).find(id.apply(key)).map(a -> OptionalLong.of(a.version())).orElse(OptionalLong.empty());
        }
    }

    /**
     * One area whose aggregates are only ever created: command number {@code seq} creates the
     * aggregate {@code id(seq)}, a new one for every number. The "Crash" worker numbers its commands
     * {@code generation × 1,000,000 + i} (generation 1, 2, ... for each worker JVM), so every
     * aggregate a generation's commands stored can be found again, whether journalled or not.
     *
     * @param area the area's name
     * @param port the repository port
     * @param id the id of the aggregate that command number {@code seq} creates
     * @param create a new aggregate of an id; the same id and instant give the same content
     * @param ofGeneration every aggregate stored by one generation's commands, read through the
     *     repository (so through the aggregate's restore path and its invariant checks)
     * @param content what of an aggregate must read back equal to what was created (its version aside)
     */
    record CreateOnly<A extends AggregateRoot<I>, I extends Identifier, R extends AggregateRepository<A, I>>(
            String area, Class<R> port, LongFunction<I> id, BiFunction<I, Instant, A> create,
            BiFunction<R, Long, List<A>> ofGeneration, Function<A, Object> content) {

        /** Creates the aggregate of command number {@code seq} inside the command. */
        void create(CommandContext ctx, StorageProvider storage, long seq) {
            ctx.save(storage.port(port), create.apply(id.apply(seq), ctx.now()));
        }

        /** The id text of the aggregate of command number {@code seq}: a journal names it by this, and so do its events. */
        String idText(long seq) {
            return id.apply(seq).value();
        }

        /**
         * Every aggregate the commands of generations 0 to {@code generations} stored, restored
         * through the repository. Call inside a transaction.
         */
        List<A> stored(StorageProvider storage, long generations) {
            List<A> stored = new ArrayList<>();
            for (long g = 0; g <= generations; g++) {
                stored.addAll(ofGeneration.apply(storage.port(port), g));
            }
            return stored;
        }

        /** The content of a stored aggregate. */
        Object contentOf(A stored) {
            return content.apply(stored);
        }

        /** The content the command that creates aggregate {@code id} at {@code at} stores. */
        Object createdContent(I id, Instant at) {
            return content.apply(create.apply(id, at));
        }
    }

    /** Command numbers per generation (as the "Crash" worker numbers them). */
    static final long PER_GENERATION = 1_000_000L;

    /**
     * Every create-only area the suites cover; add a line here for a new one. A priority ranking of
     * three accounts (one with two products, one without a growth rate), so that every table of the
     * ranking (ranking, entries, entries' products) is written; generation {@code g}'s commands rank
     * the segment of product {@code CRASH-g}, command {@code i} of it the month {@code i} months after
     * January 2000.
     */
    static final List<CreateOnly<?, ?, ?>> CREATE_ONLY = List.of(
            new CreateOnly<>("priority", PriorityRankingRepository.class,
                    seq -> PriorityRankingId.of(rankedMonth(seq), crashSegment(seq / PER_GENERATION)),
                    ReliabilityWorkloads::ranking,
                    (rankings, generation) -> rankings.history(crashSegment(generation)),
                    ranking -> List.of(ranking.period(), ranking.segment(), ranking.weights(), ranking.basis(),
                            ranking.recordedAt(), ranking.entries())));

    /** The ranking of id {@code "<period>.<segment>"}, recorded at {@code at}: the same three accounts every time. */
    private static PriorityRanking ranking(PriorityRankingId id, Instant at) {
        int dot = id.value().indexOf('.');
        return PriorityRanking.record(Period.parse(id.value().substring(0, dot)), Segment.parse(id.value().substring(dot + 1)),
                new RankingWeights(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("0.25")), GrowthBasis.PREVIOUS_PERIOD,
                List.of(rankedResult("KA-A", List.of("DDN", "LAN"), "900.00", "90.00", Optional.of(new BigDecimal("0.125000"))),
                        rankedResult("KA-B", List.of("DDN"), "500.00", "-5.00", Optional.empty()),
                        rankedResult("KA-C", List.of("LAN"), "700.00", "70.00", Optional.of(new BigDecimal("-0.250000")))),
                at);
    }

    /** The month command {@code seq} ranks: one of its own within its generation. */
    private static Period rankedMonth(long seq) {
        long i = seq % PER_GENERATION;
        if (i >= 12L * (Period.MAX_YEAR - 2000)) {
            throw new IllegalStateException("command " + seq + " is past the last month a ranking can name");
        }
        return Period.month(YearMonth.of(2000, 1).plusMonths(i));
    }

    /** The segment generation {@code g}'s rankings rank. */
    private static Segment crashSegment(long generation) {
        return Segment.product(new ProductCode("CRASH-" + generation));
    }

    private static AccountResult rankedResult(String account, List<String> products, String revenue, String profit,
            Optional<BigDecimal> growth) {
        return new AccountResult(new AccountId(account), Industry.FINANCE, products.stream().map(ProductCode::new).toList(),
                Money.cny(revenue), Money.cny(profit), growth);
    }

    /** Every area the suites cover; add a line here for a new area. */
    static final List<Entry<?, ?, ?>> ALL = List.of(
            new Entry<>("account", KeyAccountRepository.class, key -> new AccountId("KA-" + key),
                    (id, at) -> KeyAccount.register(id, "Customer " + id.value(), NETWORK, Industry.FINANCE, BY, at),
                    (account, n, at) -> account.assignManager(new UserId("am-" + n), BY, at)),
            new Entry<>("authority", FloorPriceListRepository.class, key -> new FloorPriceListId("FL-" + key),
                    (id, at) -> FloorPriceList.create(id),
                    (list, n, at) -> list.setFloorPrice(Actor.withRoles(BY, Role.FINANCIAL_MANAGER), new ProductCode("DDN"),
                            Money.cny((100 + n % 1000) + ".00"), at)),
            new Entry<>("resource", ResourcePoolRepository.class, key -> new PoolId("P-" + key),
                    (id, at) -> ResourcePool.open(id, ResourceType.DDN_PORT, new PoolLocation(NETWORK, "EXCH-" + id.value()), 4,
                            Duration.ZERO, at),
                    (pool, n, at) -> pool.addCapacity(1, "growth " + n, at)),
            new Entry<>("billing", dev.keyline.spi.billing.BillingAccountRepository.class, key -> new AccountId("BA-" + key),
                    (id, at) -> dev.keyline.domain.billing.BillingAccount.open(id, dev.keyline.domain.billing.CreditRating.A,
                            Money.cny("10000.00"), dev.keyline.domain.billing.AgeBands.standard(), BY, at,
                            at.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()),
                    (account, n, at) -> account.setCreditLimit(Money.cny((20000 + n) + ".00"), BY, at)),
            new Entry<>("staff", DivisionStaffingRepository.class, key -> new StaffingId("ST-" + key),
                    (id, at) -> DivisionStaffing.open(id, Industry.FINANCE),
                    (staffing, n, at) -> staffing.planHeadcount(Role.ACCOUNT_MANAGER, 1 + n % 50, BY, at)),
            new Entry<>("budget", BudgetRepository.class, key -> new BudgetId("B-" + key),
                    (id, at) -> {
                        Budget budget = Budget.setTargets(id, BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS")), 2026, null,
                                Money.cny("100000000.00")), BY, "reliability", at);
                        budget.startDraft(BY, "reliability", at);
                        return budget;
                    },
                    (budget, n, at) -> budget.planLine(new BudgetLine(new BudgetLineId("L-" + n), LineKind.OPEX, "line " + n,
                            Money.cny("1.00"), BudgetControl.uniform(ControlLevel.STOP), null), BY, at)),
            new Entry<>("workorder", FaultTicketRepository.class, key -> new FaultTicketId("FT-" + key),
                    (id, at) -> FaultTicket.report(id, new AccountId("KA-" + id.value()), new ProductCode("DDN"),
                            FaultSource.CALL_CENTRE, FaultPriority.HIGH, Optional.empty(), "line down",
                            DomainSamples.ticketClockPolicy(), Actor.accountManager(BY), CALENDAR, at),
                    (ticket, n, at) -> {
                        if (ticket.state() == FaultTicketState.PENDING_CUSTOMER) {
                            ticket.resume(Actor.accountManager(BY), "customer back " + n, CALENDAR, at);
                        } else {
                            ticket.awaitCustomer(Actor.accountManager(BY), "customer away " + n, CALENDAR, at);
                        }
                    }),
            new Entry<>("sla", ServiceLevelAgreementRepository.class, key -> new SlaId("SLA-" + key),
                    (id, at) -> SlaSamples.inForce(id),
                    (sla, n, at) -> sla.recordDocument(SlaSamples.MARKETING, SlaDocumentKind.RESOURCE_REQUIREMENT, "DOC-" + n,
                            SlaSamples.DDN, "requirement " + n, at)),
            // what KpiService.compute and recordMeasurement do to a standing: band the next month's value
            new Entry<>("kpi", KpiStandingRepository.class,
                    key -> KpiStandingId.of(KpiCatalogue.MARKET_RESPONSE_COMPLIANCE, new KpiUnit("U-" + key)),
                    (id, at) -> {
                        KpiStanding standing = KpiStanding.open(id.kpi(), id.unit());
                        bandNextMonth(standing, at);
                        return standing;
                    },
                    (standing, n, at) -> bandNextMonth(standing, at)));

    /**
     * Bands the month after the standing's last one (January 2026 for a new standing), red after a
     * green month and green after a red one, so that every change raises exactly one event
     * ({@code kpi.band-entered} or {@code kpi.band-recovered}) whatever order changes commit in.
     */
    private static void bandNextMonth(KpiStanding standing, Instant at) {
        KpiDefinition definition = KpiCatalogue.seed().get(standing.kpi());
        Period next = standing.lastEntry().map(e -> e.period().next()).orElse(Period.month(YearMonth.of(2026, 1)));
        boolean red = standing.currentBand().filter(b -> b == Band.RED).isPresent();
        standing.record(definition, KpiValue.ratio(standing.kpi(), next, red ? 1 : 0, 1), at);
    }

    private ReliabilityWorkloads() {
    }
}
