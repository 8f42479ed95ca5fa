package dev.keyline.jdbc.account;

import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.optionalMoney;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AssessmentWindow;
import dev.keyline.domain.account.ClassificationResult;
import dev.keyline.domain.account.ClassifiedAccount;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialAssessment;
import dev.keyline.domain.account.PotentialCriterion;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.account.ClassificationResultRepository;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classification results of a {@link dev.keyline.jdbc.JdbcStorage}: one row per network and
 * run date in {@code keyline_classification_result}, and one row per account of the result in
 * {@code keyline_classification_member} (key accounts with tier, average spend and rank; potential
 * key accounts with industry, one boolean column per criterion and the explanation). A result is
 * written once, in the caller's transaction, and never changed, so reading needs no version check.
 */
public final class JdbcClassificationResultRepository implements ClassificationResultRepository {

    private static final String RESULTS = "keyline_classification_result";
    private static final String MEMBERS = "keyline_classification_member";
    private static final String KEY_ACCOUNT = "KEY_ACCOUNT";
    private static final String POTENTIAL = "POTENTIAL";

    /** The boolean column of each potential criterion. */
    private static final Map<PotentialCriterion, String> CRITERION_COLUMNS = criterionColumns();

    private final JdbcSession session;

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcClassificationResultRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public void store(ClassificationResult result) {
        Require.nonNull(result, "result");
        String name = "a classification result of network " + result.network() + " for the run of " + result.runDate();
        for (PotentialAssessment p : result.potentials()) {
            for (PotentialCriterion criterion : p.criteria()) {
                if (!CRITERION_COLUMNS.containsKey(criterion)) {
                    throw new InvalidArgumentException("result", "potential criterion " + criterion + " of account "
                            + p.account() + " has no column in keyline_classification_member; a schema migration must add it");
                }
            }
        }
        if (session.queryOne("SELECT run_date FROM " + RESULTS + " WHERE network_id = ? AND run_date = ?",
                row -> row.localDate("run_date"), result.network(), result.runDate()).isPresent()) {
            throw new AlreadyExistsException(name + " already exists; stored results are never replaced");
        }
        session.insert(name, RESULTS, Columns.create()
                .set("network_id", result.network())
                .set("run_date", result.runDate())
                .set("window_first_month", result.window().first())
                .set("window_last_month", result.window().last())
                .set("rule_name", result.rule())
                .set("threshold_amount", result.threshold().map(Money::amount))
                .set("threshold_currency", result.threshold().map(m -> m.currency().getCurrencyCode())));
        List<Object[]> rows = new ArrayList<>();
        List<ClassifiedAccount> keys = result.keyAccounts();
        for (int i = 0; i < keys.size(); i++) {
            ClassifiedAccount k = keys.get(i);
            rows.add(new Object[] {result.network(), result.runDate(), k.account(), KEY_ACCOUNT, i + 1, k.tier(),
                    k.averageMonthlySpend().amount(), k.averageMonthlySpend().currency().getCurrencyCode(), null, null,
                    null, null, null, null});
        }
        List<PotentialAssessment> potentials = result.potentials();
        for (int i = 0; i < potentials.size(); i++) {
            PotentialAssessment p = potentials.get(i);
            rows.add(new Object[] {result.network(), result.runDate(), p.account(), POTENTIAL, i + 1, Tier.POTENTIAL,
                    null, null, p.industry(), p.met(PotentialCriterion.INDUSTRY_LEADER),
                    p.met(PotentialCriterion.PARTY_GOVERNMENT_MILITARY), p.met(PotentialCriterion.INFLUENCER),
                    p.met(PotentialCriterion.MANUAL_DESIGNATION), p.explanation()});
        }
        if (!rows.isEmpty()) {
            session.batch("INSERT INTO " + MEMBERS + " (network_id, run_date, account_id, member_kind, line_no, tier, "
                    + "average_monthly_spend, spend_currency, industry, " + String.join(", ", CRITERION_COLUMNS.values())
                    + ", explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    @Override
    public Optional<ClassificationResult> find(LocalNetworkId network, LocalDate runDate) {
        Require.nonNull(network, "network");
        Require.nonNull(runDate, "runDate");
        return session.queryOne("SELECT * FROM " + RESULTS + " WHERE network_id = ? AND run_date = ?", Header::of,
                network, runDate).map(header -> assemble(header, members(network, runDate)));
    }

    @Override
    public Optional<ClassificationResult> latest(LocalNetworkId network) {
        Require.nonNull(network, "network");
        return session.queryOne("SELECT * FROM " + RESULTS + " WHERE network_id = ? ORDER BY run_date DESC "
                        + "FETCH FIRST 1 ROWS ONLY", Header::of, network)
                .map(header -> assemble(header, members(network, header.runDate())));
    }

    @Override
    public List<ClassificationResult> history(LocalNetworkId network) {
        Require.nonNull(network, "network");
        List<Header> headers = session.query("SELECT * FROM " + RESULTS + " WHERE network_id = ? ORDER BY run_date",
                Header::of, network);
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Members> byRun = new HashMap<>();
        session.query("SELECT * FROM " + MEMBERS + " WHERE network_id = ? ORDER BY run_date, member_kind, line_no",
                row -> {
                    read(row, byRun.computeIfAbsent(row.localDate("run_date"), d -> new Members()));
                    return row;
                }, network);
        return headers.stream().map(h -> assemble(h, byRun.getOrDefault(h.runDate(), new Members()))).toList();
    }

    private Members members(LocalNetworkId network, LocalDate runDate) {
        Members members = new Members();
        session.query("SELECT * FROM " + MEMBERS + " WHERE network_id = ? AND run_date = ? ORDER BY member_kind, line_no",
                row -> {
                    read(row, members);
                    return row;
                }, network, runDate);
        return members;
    }

    private static void read(Row row, Members members) {
        AccountId account = required(row, "account_id", AccountId::new);
        String kind = row.requiredString("member_kind").trim();
        String what = "classification member " + account;
        if (KEY_ACCOUNT.equals(kind)) {
            members.keys.add(stored(what, () -> new ClassifiedAccount(account,
                    money(row, "average_monthly_spend", "spend_currency"), requiredEnum(row, "tier", Tier.class))));
        } else if (POTENTIAL.equals(kind)) {
            List<PotentialCriterion> criteria = new ArrayList<>();
            CRITERION_COLUMNS.forEach((criterion, column) -> {
                if (row.bool(column)) {
                    criteria.add(criterion);
                }
            });
            members.potentials.add(stored(what, () -> new PotentialAssessment(account,
                    requiredEnum(row, "industry", Industry.class), criteria, row.requiredString("explanation"))));
        } else {
            throw new CorruptStateException(what + ": column member_kind holds '" + kind + "', neither " + KEY_ACCOUNT
                    + " nor " + POTENTIAL);
        }
    }

    private static ClassificationResult assemble(Header header, Members members) {
        return stored(() -> "classification result of network " + header.network() + " on " + header.runDate(),
                () -> new ClassificationResult(header.network(), header.runDate(),
                        new AssessmentWindow(header.first(), header.last()), header.rule(), header.threshold(),
                        members.keys, members.potentials));
    }

    private static Map<PotentialCriterion, String> criterionColumns() {
        Map<PotentialCriterion, String> columns = new EnumMap<>(PotentialCriterion.class);
        columns.put(PotentialCriterion.INDUSTRY_LEADER, "industry_leader");
        columns.put(PotentialCriterion.PARTY_GOVERNMENT_MILITARY, "party_government_military");
        columns.put(PotentialCriterion.INFLUENCER, "influencer");
        columns.put(PotentialCriterion.MANUAL_DESIGNATION, "manual_designation");
        return columns;
    }

    /** A result's own row. */
    private record Header(LocalNetworkId network, LocalDate runDate, YearMonth first, YearMonth last, String rule,
            Optional<Money> threshold) {

        static Header of(Row row) {
            LocalNetworkId network = required(row, "network_id", LocalNetworkId::new);
            LocalDate runDate = row.localDate("run_date");
            YearMonth first = row.yearMonth("window_first_month");
            YearMonth last = row.yearMonth("window_last_month");
            if (runDate == null || first == null || last == null) {
                throw new CorruptStateException("classification result of network " + network
                        + ": run date or window is NULL");
            }
            return new Header(network, runDate, first, last, row.requiredString("rule_name"),
                    optionalMoney(row, "threshold_amount", "threshold_currency"));
        }
    }

    /** The accounts of one result, as read. */
    private static final class Members {
        final List<ClassifiedAccount> keys = new ArrayList<>();
        final List<PotentialAssessment> potentials = new ArrayList<>();
    }
}
