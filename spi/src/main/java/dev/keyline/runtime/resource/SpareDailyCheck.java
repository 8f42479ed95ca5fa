package dev.keyline.runtime.resource;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.resource.ResourceAccess;
import dev.keyline.domain.resource.SpareBelowMinimum;
import dev.keyline.domain.resource.SpareStock;
import dev.keyline.domain.resource.SpareStockId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.resource.SpareStockRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily check of spare parts (日常监控), run by the host once a day (or more often): it raises
 * {@code resource.spare-below-minimum} for each stock whose available units (on hand less reserved)
 * are under its minimum level, at most once per stock and day, so running it twice the same day
 * raises nothing new. It names its actor, who must keep the stocks (a network centre manager or
 * the general manager, {@link ResourceAccess#requireMayManageSpares}); a refused run checks nothing.
 *
 * <p>The stocks below their minimum are read page by page ({@link SpareStockRepository#belowMinimum}),
 * never all at once, and each is checked in a transaction of its own: it is loaded again,
 * {@link SpareStock#checkMinimum} decides, and the stock is saved with its event only when it
 * raised one. A stock changed meanwhile by another command (a stale save) is loaded and checked
 * again, up to {@value #ATTEMPTS} times in all; then the run fails with the
 * {@link StaleVersionException}, and a later run picks up what it left. Immutable and thread-safe.
 */
public final class SpareDailyCheck {

    /** The page size of a run unless given: 200 stocks. */
    public static final int DEFAULT_PAGE = 200;

    /** How often a stock's check is tried when its save is stale: 3 times. */
    public static final int ATTEMPTS = 3;

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final SpareStockRepository stocks;
    private final int page;

    private SpareDailyCheck(Keyline keyline, int page) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.stocks = keyline.storage().port(SpareStockRepository.class);
        this.page = page;
    }

    /**
     * The check on a runtime, reading {@value #DEFAULT_PAGE} stocks a page.
     *
     * @param keyline the runtime; its storage provider must store the resource area's spare parts
     * @return the check
     */
    public static SpareDailyCheck on(Keyline keyline) {
        return on(keyline, DEFAULT_PAGE);
    }

    /**
     * The check on a runtime with a page size of its own.
     *
     * @param keyline the runtime; its storage provider must store the resource area's spare parts
     * @param page how many stocks a page reads, 1 to {@link SpareStockRepository#MAX_PAGE}
     * @return the check
     */
    public static SpareDailyCheck on(Keyline keyline, int page) {
        Require.nonNull(keyline, "keyline");
        Require.that(page >= 1 && page <= SpareStockRepository.MAX_PAGE, "page",
                () -> "must lie in 1 to " + SpareStockRepository.MAX_PAGE + ", was " + page);
        return new SpareDailyCheck(keyline, page);
    }

    /**
     * Runs the check for today in the host's time zone ({@link Keyline#today()}).
     *
     * @param actor who runs it (usually the host's scheduler acting for the network centre); a
     *     network centre manager or the general manager
     * @return what the run did
     * @throws NotAuthorisedException when the actor may not keep spare-part stocks; nothing is checked
     */
    public SpareCheckReport run(Actor actor) {
        Require.nonNull(actor, "actor");
        return run(actor, keyline.today());
    }

    /**
     * Runs the check for a given day, for example to catch up a day the host missed.
     *
     * @param actor who runs it; a network centre manager or the general manager
     * @param day the day
     * @return what the run did
     * @throws NotAuthorisedException when the actor may not keep spare-part stocks; nothing is checked
     * @throws dev.keyline.domain.common.InvalidArgumentException when a stock already raised on a
     *     later day
     */
    public SpareCheckReport run(Actor actor, LocalDate day) {
        Require.nonNull(actor, "actor");
        Require.nonNull(day, "day");
        ResourceAccess.requireMayManageSpares(actor, "run the daily check of spare parts for " + day);
        long below = 0;
        List<SpareBelowMinimum> raised = new ArrayList<>();
        SpareStockId after = null;
        while (true) {
            SpareStockId from = after;
            List<SpareStockId> ids = steps.query(() -> (from == null ? stocks.belowMinimum(page)
                    : stocks.belowMinimumAfter(from, page)).stream().map(SpareStock::id).toList());
            for (SpareStockId id : ids) {
                below++;
                check(id, day).ifPresent(raised::add);
            }
            if (ids.size() < page) {
                return new SpareCheckReport(day, below, raised);
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private Optional<SpareBelowMinimum> check(SpareStockId id, LocalDate day) {
        for (int attempt = 1; ; attempt++) {
            try {
                return keyline.execute(ctx -> {
                    SpareStock stock = stocks.get(id);
                    if (!stock.checkMinimum(day, ctx.now())) {
                        return Optional.<SpareBelowMinimum>empty();
                    }
                    List<DomainEvent> events = stock.pendingEvents();
                    ctx.save(stocks, stock);
                    return events.stream().filter(SpareBelowMinimum.class::isInstance).map(SpareBelowMinimum.class::cast)
                            .findFirst();
                });
            } catch (StaleVersionException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
