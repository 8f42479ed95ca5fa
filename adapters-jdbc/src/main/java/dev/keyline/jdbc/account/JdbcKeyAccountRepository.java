package dev.keyline.jdbc.account;

import static dev.keyline.jdbc.StoredValues.decimal;
import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.optionalUser;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.ChurnSignal;
import dev.keyline.domain.account.ChurnSignalKind;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.InfluencerKind;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.account.KeyAccountSnapshot;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.account.TierChange;
import dev.keyline.domain.account.TierChangeCause;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.account.KeyAccountRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The key accounts (大客户) of a {@link dev.keyline.jdbc.JdbcStorage}: one row per account in
 * {@code keyline_key_account} (profile, potential flags, manager, team, churn warning and exit as
 * columns), the signals of the open churn warning in {@code keyline_key_account_churn_signal} and
 * the tier history in {@code keyline_key_account_tier_change}, both numbered by {@code line_no}.
 *
 * <p>Saving writes the account's row with the optimistic version check, then inserts only the tier
 * changes made since the account was loaded (the history is append-only) and rewrites the churn
 * signals only when they changed, all in the caller's transaction; both are compared with what the
 * transaction loaded, without reading them again. Loading reads the row and its children consistently (see
 * the package) and restores through {@link KeyAccount#restore(KeyAccountSnapshot)}, so a row that
 * breaks an invariant is reported as {@link dev.keyline.domain.common.CorruptStateException}.
 * Instants are kept to the microsecond.
 */
public final class JdbcKeyAccountRepository extends JdbcParentChildRepository<KeyAccount, AccountId, KeyAccountSnapshot>
        implements KeyAccountRepository {

    private static final String TABLE = "keyline_key_account";
    private static final String SIGNALS = "keyline_key_account_churn_signal";
    private static final String HISTORY = "keyline_key_account_tier_change";
    private static final String CLASSIFICATION_RUN = "CLASSIFICATION_RUN";
    private static final String MANUAL_OVERRIDE = "MANUAL_OVERRIDE";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcKeyAccountRepository(JdbcSession session) {
        super(session, "key account", TABLE, "account_id", KeyAccount::snapshot, KeyAccount::restore);
    }

    @Override
    public Stream<KeyAccount> byNetwork(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return streamWhere("network_id = ?", "account_id", network);
    }

    @Override
    public Stream<KeyAccount> byNetworkAfter(LocalNetworkId network, AccountId after) {
        Require.nonNull(network, "network");
        Require.nonNull(after, "after");
        return streamWhere("network_id = ? AND account_id > ?", "account_id", network, after);
    }

    @Override
    public Stream<KeyAccount> byNetworkAndTier(LocalNetworkId network, Tier tier) {
        Require.nonNull(network, "network");
        Require.nonNull(tier, "tier");
        return streamWhere("network_id = ? AND tier = ?", "account_id", network, tier);
    }

    @Override
    public Stream<KeyAccount> byIndustry(Industry industry) {
        Require.nonNull(industry, "industry");
        return streamWhere("industry = ?", "account_id", industry);
    }

    @Override
    public Stream<KeyAccount> byTier(Tier tier) {
        Require.nonNull(tier, "tier");
        return streamWhere("tier = ?", "account_id", tier);
    }

    @Override
    public Stream<KeyAccount> byStatus(AccountStatus status) {
        Require.nonNull(status, "status");
        return streamWhere("status = ?", "account_id", status);
    }

    @Override
    public Stream<KeyAccount> byManager(UserId manager) {
        Require.nonNull(manager, "manager");
        return streamWhere("account_manager = ?", "account_id", manager);
    }

    @Override
    protected Columns columns(KeyAccount account) {
        KeyAccountSnapshot s = account.snapshot();
        AccountProfile profile = s.profile();
        PotentialFlags potential = s.potential();
        Optional<AccountTeam> team = s.team();
        return Columns.create()
                .set("account_name", s.name())
                .set("network_id", s.network())
                .set("industry", s.industry())
                .set("tier", s.tier())
                .set("status", s.status())
                .set("account_manager", s.accountManager())
                .set("team_industry_manager", team.map(AccountTeam::industryManager))
                .set("team_technical_manager", team.map(AccountTeam::technicalManager))
                .set("team_business_manager", team.map(AccountTeam::businessManager))
                .set("branches", profile.branches())
                .set("annual_turnover", profile.annualTurnover().amount())
                .set("annual_turnover_currency", profile.annualTurnover().currency().getCurrencyCode())
                .set("turnover_growth", profile.turnoverGrowth())
                .set("annual_investment", profile.annualInvestment().amount())
                .set("annual_investment_currency", profile.annualInvestment().currency().getCurrencyCode())
                .set("white_collar_share", profile.whiteCollarShare())
                .set("leases_private_circuits", profile.leasesPrivateCircuits())
                .set("leases_network_elements", profile.leasesNetworkElements())
                .set("years_with_operator", profile.yearsWithOperator())
                .set("own_customer_count", profile.ownCustomerCount())
                .set("party_government_military", potential.partyGovernmentMilitary())
                .set("influencer_kind", potential.influencer())
                .set("designation_reason", potential.designationReason())
                .set("churn_warning_since", s.churnWarningSince())
                .set("exit_reason", s.exitReason())
                .set("exited_at", s.exitedAt())
                .set("registered_by", s.registeredBy())
                .set("registered_at", s.registeredAt())
                .set("last_changed_at", s.lastChangedAt());
    }

    @Override
    protected void saveChildren(KeyAccount account, boolean inserted) {
        String id = account.id().value();
        List<ChurnSignal> open = account.churnSignals();
        // the open warning's signals change as a whole, and rarely: rewritten only when they differ
        List<ChurnSignal> stored = inserted ? List.of() : this.<ChurnSignal>storedChildren(SIGNALS, account.id())
                .orElseGet(() -> session().query("SELECT * FROM " + SIGNALS + " WHERE account_id = ? ORDER BY line_no",
                        row -> signal(row, id), id));
        if (!stored.equals(open)) {
            int kept = stored.size() <= open.size() && open.subList(0, stored.size()).equals(stored) ? stored.size() : 0;
            if (kept == 0 && !stored.isEmpty()) {
                deleteChildren(SIGNALS, "account_id", account.id());
            }
            List<Object[]> signals = new ArrayList<>();
            for (int i = kept; i < open.size(); i++) {
                ChurnSignal signal = open.get(i);
                signals.add(new Object[] {id, i + 1, signal.rule(), signal.kind(), signal.observedOn(), signal.detail()});
            }
            insertChildren("INSERT INTO " + SIGNALS + " (account_id, line_no, rule_name, signal_kind, observed_on, "
                    + "detail) VALUES (?, ?, ?, ?, ?, ?)", signals);
        }
        storedChildrenAre(SIGNALS, account.id(), open);
        // the tier history only grows: rows built for the changes after those stored only
        List<Object[]> changes = appendRows(account.tierHistory(), (i, change) -> {
            Object[] row = {id, i + 1, change.from(), change.to(), change.at(), change.by(), null, null, null, null, null};
            if (change.cause() instanceof TierChangeCause.ClassificationRun run) {
                row[6] = CLASSIFICATION_RUN;
                row[7] = run.ruleName();
                row[8] = run.runDate();
            } else if (change.cause() instanceof TierChangeCause.ManualOverride manual) {
                row[6] = MANUAL_OVERRIDE;
                row[9] = manual.reason();
                row[10] = manual.approvedBy();
            }
            return row;
        });
        appendChildren(HISTORY, "account_id", account.id(), inserted, "INSERT INTO " + HISTORY + " (account_id, "
                + "line_no, from_tier, to_tier, changed_at, changed_by, cause, rule_name, run_date, override_reason, "
                + "approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", changes);
    }

    @Override
    protected KeyAccountSnapshot parent(Row row) {
        AccountId id = required(row, "account_id", AccountId::new);
        String what = "key account " + id;
        AccountProfile profile = stored(() -> what + " (profile)", () -> new AccountProfile(row.intValue("branches"),
                money(row, "annual_turnover", "annual_turnover_currency"), decimal(row, "turnover_growth"),
                money(row, "annual_investment", "annual_investment_currency"), decimal(row, "white_collar_share"),
                row.bool("leases_private_circuits"), row.bool("leases_network_elements"),
                row.intValue("years_with_operator"), row.longValue("own_customer_count")));
        PotentialFlags potential = stored(() -> what + " (potential flags)", () -> new PotentialFlags(
                row.bool("party_government_military"),
                Optional.ofNullable(row.enumValue("influencer_kind", InfluencerKind.class)),
                Optional.ofNullable(row.string("designation_reason"))));
        Optional<UserId> industryManager = optionalUser(row, "team_industry_manager");
        Optional<AccountTeam> team = industryManager.isEmpty() ? Optional.empty()
                : Optional.of(stored(() -> what + " (team)", () -> new AccountTeam(industryManager.get(),
                        optionalUser(row, "team_technical_manager").orElse(null),
                        optionalUser(row, "team_business_manager").orElse(null))));
        return new KeyAccountSnapshot(id, row.longValue("version"), row.requiredString("account_name"),
                required(row, "network_id", LocalNetworkId::new), requiredEnum(row, "industry", Industry.class),
                profile, potential, requiredEnum(row, "status", AccountStatus.class), requiredEnum(row, "tier", Tier.class),
                optionalUser(row, "account_manager"), team, List.of(),
                Optional.ofNullable(row.instant("churn_warning_since")), Optional.ofNullable(row.string("exit_reason")),
                Optional.ofNullable(row.instant("exited_at")), user(row, "registered_by"), row.instant("registered_at"),
                row.instant("last_changed_at"), List.of());
    }

    @Override
    protected String idOf(KeyAccountSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(KeyAccountSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<KeyAccountSnapshot, KeyAccount> readChildren(List<KeyAccountSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<ChurnSignal>> signals = childrenOf(SIGNALS, "account_id", ids, "line_no",
                JdbcKeyAccountRepository::signal);
        Map<String, List<TierChange>> history = childrenAndVersionsOf(HISTORY, "account_id", ids, "line_no",
                (row, account) -> stored(() -> "tier change " + row.intValue("line_no") + " of key account " + account,
                        () -> tierChange(row)));
        return s -> KeyAccount.restore(new KeyAccountSnapshot(s.id(), s.version(), s.name(), s.network(),
                s.industry(), s.profile(), s.potential(), s.status(), s.tier(), s.accountManager(), s.team(),
                signals.getOrDefault(s.id().value(), List.of()), s.churnWarningSince(), s.exitReason(), s.exitedAt(),
                s.registeredBy(), s.registeredAt(), s.lastChangedAt(), history.getOrDefault(s.id().value(), List.of())));
    }

    private static ChurnSignal signal(Row row, String account) {
        return stored(() -> "churn signal " + row.intValue("line_no") + " of key account " + account,
                () -> new ChurnSignal(row.requiredString("rule_name"), requiredEnum(row, "signal_kind", ChurnSignalKind.class),
                        row.localDate("observed_on"), row.requiredString("detail")));
    }

    private static TierChange tierChange(Row row) {
        String cause = row.requiredString("cause").trim();
        TierChangeCause why = switch (cause) {
            case CLASSIFICATION_RUN -> new TierChangeCause.ClassificationRun(row.requiredString("rule_name"),
                    row.localDate("run_date"));
            case MANUAL_OVERRIDE -> new TierChangeCause.ManualOverride(row.requiredString("override_reason"),
                    user(row, "approved_by"));
            default -> throw new dev.keyline.domain.common.CorruptStateException("column cause holds '" + cause
                    + "', neither " + CLASSIFICATION_RUN + " nor " + MANUAL_OVERRIDE);
        };
        Instant at = row.instant("changed_at");
        return new TierChange(requiredEnum(row, "from_tier", Tier.class), requiredEnum(row, "to_tier", Tier.class), at,
                user(row, "changed_by"), why);
    }
}
