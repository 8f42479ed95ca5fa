package dev.keyline.runtime.resource;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.DepotId;
import dev.keyline.domain.resource.ResourceAccess;
import dev.keyline.domain.resource.SpareConsumption;
import dev.keyline.domain.resource.SpareIssued;
import dev.keyline.domain.resource.SparePlanLine;
import dev.keyline.domain.resource.SparePlanRule;
import dev.keyline.domain.resource.SpareReservationRef;
import dev.keyline.domain.resource.SpareScrapSource;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.domain.resource.SpareStockSnapshot;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import dev.keyline.spi.resource.SpareStockRepository;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Spare parts (备品备件) run through the runtime: stock received, reserved, issued, returned,
 * repaired and scrapped per part and depot, the consumption history every issue appends to, and
 * the monthly plan drawn from it by a {@link SparePlanRule}.
 *
 * <p><b>Access.</b> Every command names its actor and checks the kernel's roles
 * ({@link ResourceAccess}) before anything changes: keeping the stocks (receiving, minimum levels,
 * repairs, scrapping) is for a network centre manager or the general manager; handling parts for a
 * repair or order (reserving, releasing, issuing, returning) is also for a station manager, whose
 * station takes the parts out and brings them back. A refused command throws
 * {@link NotAuthorisedException} and changes nothing. Reading stocks and plans needs no role.
 *
 * <p>Each command runs in one transaction: it loads the stock (receiving and setting the minimum
 * create it when it is new), calls {@link SpareStock}, saves it with the version check and writes
 * its {@code resource.spare-*} event to the outbox; an issue also appends its
 * {@link SpareConsumption} in the same transaction, dated {@link CommandContext#today()}. A refused
 * command throws ({@link InsufficientCapacityException}, {@link InvalidStateException}, …) and
 * changes nothing. The daily check is {@link SpareDailyCheck}. Immutable and thread-safe.
 */
public final class SpareParts {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final SparePlanRule rule;
    private final SpareStockRepository stocks;
    private final SpareConsumptionRepository consumption;

    private SpareParts(Keyline keyline, SparePlanRule rule) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.rule = rule;
        this.stocks = keyline.storage().port(SpareStockRepository.class);
        this.consumption = keyline.storage().port(SpareConsumptionRepository.class);
    }

    /**
     * The service on a runtime, planning with {@link SparePlanRule#standard()}.
     *
     * @param keyline the runtime; its storage provider must store the resource area's spare parts
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store them
     */
    public static SpareParts on(Keyline keyline) {
        return on(keyline, SparePlanRule.standard());
    }

    /**
     * The service on a runtime, planning with the given rule.
     *
     * @param keyline the runtime; its storage provider must store the resource area's spare parts
     * @param rule the rule of the monthly plan
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store them
     */
    public static SpareParts on(Keyline keyline, SparePlanRule rule) {
        Require.nonNull(keyline, "keyline");
        Require.nonNull(rule, "rule");
        return new SpareParts(keyline, rule);
    }

    /** {@return the rule of the monthly plan} */
    public SparePlanRule rule() {
        return rule;
    }

    /**
     * New units come in on hand; the stock is created on its first receipt. Raises
     * {@code resource.spare-received}.
     *
     * @param actor who acts; a network centre manager or the general manager
     * @param stock the stock of a part in a depot
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     */
    public SpareStockSnapshot receive(Actor actor, SpareStockId stock, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        return createOrChange(stock, (s, ctx) -> {
            ResourceAccess.requireMayManageSpares(actor, "receive parts into stock " + stock);
            s.receive(quantity, ctx.now());
        });
    }

    /**
     * Sets the minimum level of available units; the stock is created when it is new. Raises
     * {@code resource.spare-minimum-set}.
     *
     * @param actor who acts; a network centre manager or the general manager
     * @param stock the stock
     * @param minimum the level, from 0 to {@link SpareStock#MAX_QUANTITY}
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     */
    public SpareStockSnapshot setMinimum(Actor actor, SpareStockId stock, long minimum) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        return createOrChange(stock, (s, ctx) -> {
            ResourceAccess.requireMayManageSpares(actor, "set the minimum level of stock " + stock);
            s.setMinimum(minimum, ctx.now());
        });
    }

    /**
     * Holds available units for a fault ticket or order. Raises {@code resource.spare-reserved}.
     *
     * @param actor who acts; a network centre manager, a station manager or the general manager
     * @param stock the stock
     * @param ref what they are held for
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     * @throws InsufficientCapacityException when fewer units are available
     */
    public SpareStockSnapshot reserve(Actor actor, SpareStockId stock, SpareReservationRef ref, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        Require.nonNull(ref, "ref");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayHandleSpares(actor, "reserve parts of stock " + stock);
            s.reserve(ref, quantity, ctx.now());
        });
    }

    /**
     * Gives reserved units back unused. Raises {@code resource.spare-reservation-released}.
     *
     * @param actor who acts; a network centre manager, a station manager or the general manager
     * @param stock the stock
     * @param ref the reservation
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     * @throws InvalidStateException when fewer units are reserved for {@code ref}
     */
    public SpareStockSnapshot releaseReservation(Actor actor, SpareStockId stock, SpareReservationRef ref, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        Require.nonNull(ref, "ref");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayHandleSpares(actor, "release a reservation of stock " + stock);
            s.releaseReservation(ref, quantity, ctx.now());
        });
    }

    /**
     * Issues reserved units and records the issue in the consumption history. Raises
     * {@code resource.spare-issued}.
     *
     * @param actor who acts; a network centre manager, a station manager or the general manager
     * @param stock the stock
     * @param ref the reservation
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     * @throws InvalidStateException when fewer units are reserved for {@code ref}
     */
    public SpareStockSnapshot issueReserved(Actor actor, SpareStockId stock, SpareReservationRef ref, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        Require.nonNull(ref, "ref");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayHandleSpares(actor, "issue reserved parts of stock " + stock);
            s.issueReserved(ref, quantity, ctx.now());
        });
    }

    /**
     * Issues available units without a reservation and records the issue in the consumption
     * history. Raises {@code resource.spare-issued}.
     *
     * @param actor who acts; a network centre manager, a station manager or the general manager
     * @param stock the stock
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     * @throws InsufficientCapacityException when fewer units are available
     */
    public SpareStockSnapshot issueDirectly(Actor actor, SpareStockId stock, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayHandleSpares(actor, "issue parts of stock " + stock);
            s.issueDirectly(quantity, ctx.now());
        });
    }

    /**
     * Unused units come back on hand. Raises {@code resource.spare-returned}.
     *
     * @param actor who acts; a network centre manager, a station manager or the general manager
     * @param stock the stock
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     */
    public SpareStockSnapshot returnUnused(Actor actor, SpareStockId stock, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayHandleSpares(actor, "return unused parts to stock " + stock);
            s.returnUnused(quantity, ctx.now());
        });
    }

    /**
     * Faulty units come back and go to repair. Raises {@code resource.spare-returned}.
     *
     * @param actor who acts; a network centre manager, a station manager or the general manager
     * @param stock the stock
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     */
    public SpareStockSnapshot returnFaulty(Actor actor, SpareStockId stock, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayHandleSpares(actor, "return faulty parts to stock " + stock);
            s.returnFaulty(quantity, ctx.now());
        });
    }

    /**
     * Repaired units come back on hand. Raises {@code resource.spare-repaired}.
     *
     * @param actor who acts; a network centre manager or the general manager
     * @param stock the stock
     * @param quantity how many, above zero
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     * @throws InvalidStateException when fewer units are under repair
     */
    public SpareStockSnapshot repairDone(Actor actor, SpareStockId stock, long quantity) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayManageSpares(actor, "record repaired parts of stock " + stock);
            s.repairDone(quantity, ctx.now());
        });
    }

    /**
     * Writes units off, from available units on hand or from repair. Raises
     * {@code resource.spare-scrapped}.
     *
     * @param actor who acts; a network centre manager or the general manager
     * @param stock the stock
     * @param from where they are taken from
     * @param quantity how many, above zero
     * @param reason why
     * @return the stock after the command
     * @throws NotAuthorisedException when the actor may not; nothing changes
     * @throws NotFoundException when there is no such stock
     * @throws InsufficientCapacityException when scrapping from on hand and fewer units are available
     * @throws InvalidStateException when scrapping from repair and fewer units are under repair
     */
    public SpareStockSnapshot scrap(Actor actor, SpareStockId stock, SpareScrapSource from, long quantity, String reason) {
        Require.nonNull(actor, "actor");
        Require.nonNull(stock, "stock");
        Require.nonNull(from, "from");
        Require.nonNull(reason, "reason");
        return change(stock, (s, ctx) -> {
            ResourceAccess.requireMayManageSpares(actor, "scrap parts of stock " + stock);
            s.scrap(from, quantity, reason, ctx.now());
        });
    }

    /**
     * A stock as it stands.
     *
     * @param stock the stock
     * @return its snapshot
     * @throws NotFoundException when there is no such stock
     */
    public SpareStockSnapshot stock(SpareStockId stock) {
        Require.nonNull(stock, "stock");
        return steps.query(() -> stocks.get(stock).snapshot());
    }

    /**
     * A stock's line of the monthly plan for {@code month}, from its consumption in the months
     * before (see {@link SparePlanRule}).
     *
     * @param stock the stock
     * @param month the month planned for
     * @return the line
     * @throws NotFoundException when there is no such stock
     */
    public SparePlanLine planLine(SpareStockId stock, YearMonth month) {
        Require.nonNull(stock, "stock");
        Require.nonNull(month, "month");
        return steps.query(() -> line(stocks.get(stock), month));
    }

    /**
     * The monthly plan of a depot: one line per stock of the depot, from each stock's consumption in
     * the months before {@code month} (see {@link SparePlanRule}). The stocks are streamed, not
     * loaded all at once.
     *
     * @param depot the depot
     * @param month the month planned for
     * @return the lines, ordered by stock id; empty when the depot has no stock
     */
    public List<SparePlanLine> monthlyPlan(DepotId depot, YearMonth month) {
        Require.nonNull(depot, "depot");
        Require.nonNull(month, "month");
        return steps.query(() -> {
            try (Stream<SpareStock> ofDepot = stocks.byDepot(depot)) {
                return ofDepot.map(s -> line(s, month)).toList();
            }
        });
    }

    private SparePlanLine line(SpareStock stock, YearMonth month) {
        return rule.plan(stock, month, consumption.monthlyIssues(stock.id(), rule.firstMonth(month), rule.lastMonth(month)));
    }

    private SpareStockSnapshot change(SpareStockId id, BiConsumer<SpareStock, CommandContext> command) {
        return keyline.execute(ctx -> {
            SpareStock stock = stocks.get(id);
            return apply(stock, ctx, command);
        });
    }

    private SpareStockSnapshot createOrChange(SpareStockId id, BiConsumer<SpareStock, CommandContext> command) {
        return keyline.execute(ctx -> {
            SpareStock stock = stocks.find(id).orElseGet(() -> SpareStock.create(id));
            return apply(stock, ctx, command);
        });
    }

    private SpareStockSnapshot apply(SpareStock stock, CommandContext ctx, BiConsumer<SpareStock, CommandContext> command) {
        command.accept(stock, ctx);
        List<DomainEvent> raised = stock.pendingEvents();
        ctx.save(stocks, stock);
        for (DomainEvent event : raised) {
            if (event instanceof SpareIssued issued) {
                consumption.append(SpareConsumption.of(issued, ctx.today()));
            }
        }
        return stock.snapshot();
    }
}
