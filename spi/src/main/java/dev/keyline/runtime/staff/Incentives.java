package dev.keyline.runtime.staff;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.ScorecardResult;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedger;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveLedgerSnapshot;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.staff.IncompleteScorecardException;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.staff.IncentiveLedgerRepository;

/**
 * Incentives (激励) run through the runtime: an organisation unit's incentive table and the
 * incentives calculated from its people's scorecards.
 *
 * <p><b>Access.</b> Opening a ledger and changing its table is for the
 * {@link Role#DEPARTMENT_GENERAL_MANAGER} (激励与考核管理). Awarding an incentive is for the
 * department general manager and the {@link Role#FINANCIAL_MANAGER}. Nobody awards themselves.
 * A refused command throws {@link NotAuthorisedException} before anything changes.
 *
 * <p>An incentive never applies to an incomplete scorecard ({@link IncompleteScorecardException},
 * nothing written). Every command runs through {@link ServiceSteps}: loaded, checked, changed,
 * saved with the version check and its {@code staff.*} events written in the same transaction.
 * Immutable and thread-safe.
 */
public final class Incentives {

    private final ServiceSteps steps;
    private final IncentiveLedgerRepository ledgers;

    private Incentives(Keyline keyline) {
        this.steps = ServiceSteps.on(keyline);
        this.ledgers = keyline.storage().port(IncentiveLedgerRepository.class);
    }

    /**
     * The incentive service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the staff area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store it
     */
    public static Incentives on(Keyline keyline) {
        return new Incentives(Require.nonNull(keyline, "keyline"));
    }

    /**
     * Opens a ledger with its first table; raises {@code staff.incentive-table-changed}.
     *
     * @param manager the department general manager
     * @param id the ledger's id
     * @param table the table in force
     * @return the new ledger
     * @throws NotAuthorisedException when the manager is not the department general manager
     * @throws dev.keyline.domain.common.AlreadyExistsException when the id is taken
     */
    public IncentiveLedgerSnapshot open(Actor manager, IncentiveLedgerId id, IncentiveTable table) {
        Require.nonNull(manager, "manager");
        Require.nonNull(id, "id");
        Require.nonNull(table, "table");
        return steps.create(ledgers, ctx -> {
            requireGeneralManager(manager, "open the incentive ledger " + id);
            return IncentiveLedger.open(id, table, manager.user(), ctx.now());
        }, IncentiveLedger::snapshot);
    }

    /**
     * Puts another table in force for later awards; raises {@code staff.incentive-table-changed}.
     *
     * @param manager the department general manager
     * @param id the ledger
     * @param table the new table
     * @return the table now in force
     * @throws NotAuthorisedException when the manager is not the department general manager
     * @throws NotFoundException when there is no such ledger
     */
    public IncentiveTable changeTable(Actor manager, IncentiveLedgerId id, IncentiveTable table) {
        Require.nonNull(manager, "manager");
        Require.nonNull(id, "id");
        Require.nonNull(table, "table");
        return steps.change(ledgers, id, (l, ctx) -> requireGeneralManager(manager, "change the table of " + id),
                (l, ctx) -> l.changeTable(table, manager.user(), ctx.now()));
    }

    /**
     * Calculates and records an incentive from a period's scorecard; raises {@code staff.incentive-awarded}.
     *
     * @param awarder the department general manager or a financial manager; not the recipient
     * @param id the ledger
     * @param recipient the person paid
     * @param result the scorecard's result; must be complete
     * @param base the base amount, not negative
     * @return the recorded calculation
     * @throws NotAuthorisedException when the awarder may not award, or is the recipient
     * @throws NotFoundException when there is no such ledger
     * @throws IncompleteScorecardException when the scorecard is incomplete; nothing is written
     * @throws dev.keyline.domain.common.AlreadyExistsException when the recipient was already paid
     *     on this scorecard, unit and period
     */
    public IncentiveAward award(Actor awarder, IncentiveLedgerId id, UserId recipient, ScorecardResult result, Money base) {
        Require.nonNull(awarder, "awarder");
        Require.nonNull(id, "id");
        Require.nonNull(recipient, "recipient");
        Require.nonNull(result, "result");
        Require.nonNull(base, "base");
        return steps.change(ledgers, id, (l, ctx) -> requireMayAward(awarder, recipient, id),
                (l, ctx) -> l.award(recipient, result, base, awarder.user(), ctx.now()));
    }

    /**
     * A ledger as stored.
     *
     * @param id the ledger
     * @return its snapshot
     * @throws NotFoundException when there is no such ledger
     */
    public IncentiveLedgerSnapshot get(IncentiveLedgerId id) {
        Require.nonNull(id, "id");
        return steps.query(() -> ledgers.get(id).snapshot());
    }

    private static void requireGeneralManager(Actor actor, String what) {
        if (!actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER)) {
            throw new NotAuthorisedException(actor + " may not " + what + ": only a DEPARTMENT_GENERAL_MANAGER may");
        }
    }

    private static void requireMayAward(Actor actor, UserId recipient, IncentiveLedgerId id) {
        if (!actor.hasRole(Role.DEPARTMENT_GENERAL_MANAGER) && !actor.hasRole(Role.FINANCIAL_MANAGER)) {
            throw new NotAuthorisedException(actor + " may not award incentives in " + id
                    + ": only a DEPARTMENT_GENERAL_MANAGER or a FINANCIAL_MANAGER may");
        }
        if (actor.is(recipient)) {
            throw new NotAuthorisedException(actor + " may not award an incentive to themselves in " + id);
        }
    }
}
