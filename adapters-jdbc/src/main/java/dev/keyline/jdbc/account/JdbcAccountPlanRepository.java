package dev.keyline.jdbc.account;

import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.optionalUser;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlan;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountPlanSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PlanAction;
import dev.keyline.domain.account.ResourcePlanItem;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.account.AccountPlanRepository;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The account plans (客户发展计划) of a {@link dev.keyline.jdbc.JdbcStorage}: one row per plan in
 * {@code keyline_account_plan}, whose unique constraint on account and year keeps one plan per
 * account and year even for racing transactions, the action plan in
 * {@code keyline_account_plan_action} and the resource plan in
 * {@code keyline_account_plan_resource_item}, numbered as in the plan.
 *
 * <p>Saving writes the plan's row with the optimistic version check and replaces its child rows,
 * in the caller's transaction; loading reads them consistently and restores through
 * {@link AccountPlan#restore(AccountPlanSnapshot)}. Instants are kept to the microsecond.
 */
public final class JdbcAccountPlanRepository extends JdbcParentChildRepository<AccountPlan, AccountPlanId, AccountPlanSnapshot>
        implements AccountPlanRepository {

    private static final String TABLE = "keyline_account_plan";
    private static final String ACTIONS = "keyline_account_plan_action";
    private static final String ITEMS = "keyline_account_plan_resource_item";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcAccountPlanRepository(JdbcSession session) {
        super(session, "account plan", TABLE, "plan_id", AccountPlan::snapshot, AccountPlan::restore);
    }

    /**
     * Saves as {@link dev.keyline.spi.AggregateRepository#save} describes; a new plan for an account
     * and year that already have another plan fails with {@link AlreadyExistsException} naming
     * them, before anything is written.
     */
    @Override
    public void save(AccountPlan plan) {
        Require.nonNull(plan, "plan");
        if (plan.version() == 0) {
            Optional<String> existing = session().queryOne("SELECT plan_id FROM " + TABLE
                    + " WHERE account_id = ? AND plan_year = ?", row -> row.requiredString("plan_id"), plan.account(),
                    plan.year().getValue());
            if (existing.isPresent() && !existing.get().equals(plan.id().value())) {
                throw new AlreadyExistsException("account " + plan.account() + " already has plan " + existing.get()
                        + " for " + plan.year() + "; plan " + plan.id() + " cannot be added (one plan per account and year)");
            }
        }
        super.save(plan);
    }

    @Override
    public List<AccountPlan> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return listWhere("account_id = ?", "plan_year", account);
    }

    @Override
    public Optional<AccountPlan> byAccountAndYear(AccountId account, Year year) {
        Require.nonNull(account, "account");
        Require.nonNull(year, "year");
        return listWhere("account_id = ? AND plan_year = ?", "plan_id", account, year.getValue()).stream().findFirst();
    }

    @Override
    public Stream<AccountPlan> byNetworkAndYear(LocalNetworkId network, Year year) {
        Require.nonNull(network, "network");
        Require.nonNull(year, "year");
        return streamWhere("network_id = ? AND plan_year = ?", "account_id", network, year.getValue());
    }

    @Override
    protected Columns columns(AccountPlan plan) {
        return Columns.create()
                .set("account_id", plan.account())
                .set("network_id", plan.network())
                .set("plan_year", plan.year().getValue())
                .set("revenue_target", plan.revenueTarget().amount())
                .set("revenue_target_currency", plan.revenueTarget().currency().getCurrencyCode())
                .set("drawn_by", plan.drawnBy())
                .set("drawn_at", plan.drawnAt())
                .set("last_changed_at", plan.lastChangedAt());
    }

    @Override
    protected void saveChildren(AccountPlan plan, boolean inserted) {
        if (!inserted) {
            deleteChildren(ACTIONS, "plan_id", plan.id());
            deleteChildren(ITEMS, "plan_id", plan.id());
        }
        List<Object[]> actions = new ArrayList<>();
        for (PlanAction a : plan.actions()) {
            actions.add(new Object[] {plan.id(), a.number(), a.description(), a.owner(), a.due(), a.completedAt(),
                    a.completedBy()});
        }
        insertChildren("INSERT INTO " + ACTIONS + " (plan_id, action_number, description, owner_id, due_on, completed_at, "
                + "completed_by) VALUES (?, ?, ?, ?, ?, ?, ?)", actions);
        List<Object[]> items = new ArrayList<>();
        for (ResourcePlanItem r : plan.resourceItems()) {
            items.add(new Object[] {plan.id(), r.number(), r.product(), r.quantity(), r.neededBy(), r.note(),
                    r.fulfilledAt(), r.fulfilledBy()});
        }
        insertChildren("INSERT INTO " + ITEMS + " (plan_id, item_number, product_code, quantity, needed_by, note, "
                + "fulfilled_at, fulfilled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", items);
    }

    @Override
    protected AccountPlanSnapshot parent(Row row) {
        AccountPlanId id = required(row, "plan_id", AccountPlanId::new);
        Integer year = row.nullableInt("plan_year");
        return stored(() -> "account plan " + id, () -> new AccountPlanSnapshot(id, row.longValue("version"),
                required(row, "account_id", AccountId::new), required(row, "network_id", LocalNetworkId::new),
                year == null ? null : Year.of(year), money(row, "revenue_target", "revenue_target_currency"), List.of(),
                List.of(), user(row, "drawn_by"), row.instant("drawn_at"), row.instant("last_changed_at")));
    }

    @Override
    protected String idOf(AccountPlanSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(AccountPlanSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<AccountPlanSnapshot, AccountPlan> readChildren(List<AccountPlanSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<PlanAction>> actions = childrenOf(ACTIONS, "plan_id", ids, "action_number",
                (row, plan) -> stored(() -> "action " + row.intValue("action_number") + " of account plan " + plan,
                        () -> new PlanAction(row.intValue("action_number"), row.requiredString("description"),
                                user(row, "owner_id"), row.localDate("due_on"),
                                Optional.ofNullable(row.instant("completed_at")), optionalUser(row, "completed_by"))));
        Map<String, List<ResourcePlanItem>> items = childrenAndVersionsOf(ITEMS, "plan_id", ids, "item_number",
                (row, plan) -> stored(() -> "resource line " + row.intValue("item_number") + " of account plan " + plan,
                        () -> new ResourcePlanItem(row.intValue("item_number"),
                                required(row, "product_code", ProductCode::new), row.intValue("quantity"),
                                row.localDate("needed_by"), row.requiredString("note"),
                                Optional.ofNullable(row.instant("fulfilled_at")), optionalUser(row, "fulfilled_by"))));
        return s -> AccountPlan.restore(new AccountPlanSnapshot(s.id(), s.version(), s.account(), s.network(),
                s.year(), s.revenueTarget(), actions.getOrDefault(s.id().value(), List.of()),
                items.getOrDefault(s.id().value(), List.of()), s.drawnBy(), s.drawnAt(), s.lastChangedAt()));
    }
}
