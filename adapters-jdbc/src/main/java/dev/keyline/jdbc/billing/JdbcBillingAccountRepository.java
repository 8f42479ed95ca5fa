package dev.keyline.jdbc.billing;

import static dev.keyline.jdbc.StoredValues.currency;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.AgeBands;
import dev.keyline.domain.billing.ArrearsAgeing;
import dev.keyline.domain.billing.BillChannel;
import dev.keyline.domain.billing.BillDetail;
import dev.keyline.domain.billing.BillFormat;
import dev.keyline.domain.billing.BillFrequency;
import dev.keyline.domain.billing.BillPreferences;
import dev.keyline.domain.billing.BillSplit;
import dev.keyline.domain.billing.BillingAccount;
import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.billing.CreditRating;
import dev.keyline.domain.billing.PreferenceChange;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.billing.BillingAccountRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The billing accounts of a {@link dev.keyline.jdbc.JdbcStorage}: one row per account in
 * {@code keyline_billing_account} (its credit profile, the totals of its arrears and its version),
 * the arrears per age band in {@code keyline_billing_arrears_band} (rewritten on each save) and the
 * preference history in {@code keyline_billing_preference_change} (append-only: a save inserts only
 * the entries added since the account was loaded). Loading restores through
 * {@link BillingAccount#restore(BillingAccountSnapshot)}, which validates everything again.
 */
final class JdbcBillingAccountRepository
        extends JdbcParentChildRepository<BillingAccount, AccountId, JdbcBillingAccountRepository.Head>
        implements BillingAccountRepository {

    private static final String TABLE = "keyline_billing_account";
    private static final String BANDS = "keyline_billing_arrears_band";
    private static final String HISTORY = "keyline_billing_preference_change";
    private static final String KEY = "account_id";

    /** The account's row, before its bands and history are read. */
    record Head(AccountId id, long version, UserId openedBy, Instant openedAt, CreditRating rating, Money creditLimit,
            AgeBands bands, LocalDate asOf, Money total, Money outstanding, Optional<LocalDate> oldestUnpaidDue,
            boolean limitExceeded) {
    }

    JdbcBillingAccountRepository(JdbcSession session) {
        super(session, "billing account", TABLE, KEY, BillingAccount::snapshot, BillingAccount::restore);
    }

    @Override
    public List<BillingAccount> overLimit() {
        return listWhere("limit_exceeded = ?", "account_id", true);
    }

    @Override
    protected Columns columns(BillingAccount a) {
        ArrearsAgeing arrears = a.arrears();
        return Columns.create()
                .set("opened_by", a.openedBy())
                .set("opened_at", a.openedAt())
                .set("rating", a.rating())
                .set("currency", a.creditLimit().currency().getCurrencyCode())
                .set("credit_limit", a.creditLimit().amount())
                .set("age_bands", a.bands().text())
                .set("arrears_as_of", arrears.asOf())
                .set("arrears_total", arrears.total().amount())
                .set("outstanding", arrears.outstanding().amount())
                .set("oldest_unpaid_due", arrears.oldestUnpaidDue())
                .set("limit_exceeded", a.limitExceeded());
    }

    @Override
    protected void saveChildren(BillingAccount a, boolean inserted) {
        AccountId id = a.id();
        if (!inserted) {
            deleteChildren(BANDS, KEY, id);
        }
        List<Object[]> bands = new ArrayList<>();
        List<Money> byBand = a.arrears().byBand();
        for (int i = 0; i < byBand.size(); i++) {
            bands.add(new Object[] {id, i + 1, byBand.get(i).amount()});
        }
        insertChildren("INSERT INTO " + BANDS + " (account_id, line_no, amount) VALUES (?, ?, ?)", bands);
        List<Object[]> history = appendRows(a.preferenceHistory(), (i, c) -> {
            BillPreferences p = c.preferences();
            return new Object[] {id, c.revision(), p.channel(), p.frequency(), p.format(), p.detail(), p.split(),
                    String.join(",", p.branches()), String.join(",", p.projects()), c.by(), c.at(), c.reason()};
        });
        appendChildren(HISTORY, KEY, id, inserted, "INSERT INTO " + HISTORY + " (account_id, line_no, channel, frequency, "
                + "bill_format, bill_detail, split, branches, projects, changed_by, changed_at, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", history);
    }

    @Override
    protected Head parent(Row row) {
        AccountId id = required(row, KEY, AccountId::new);
        return stored(() -> "billing account " + id, () -> {
            Currency currency = currency(row, "currency");
            LocalDate asOf = row.localDate("arrears_as_of");
            if (asOf == null) {
                throw new CorruptStateException("billing account " + id + ": column arrears_as_of is NULL");
            }
            return new Head(id, row.longValue("version"), user(row, "opened_by"), row.instant("opened_at"),
                    requiredEnum(row, "rating", CreditRating.class), new Money(row.bigDecimal("credit_limit"), currency),
                    AgeBands.parse(row.requiredString("age_bands")), asOf, new Money(row.bigDecimal("arrears_total"), currency),
                    new Money(row.bigDecimal("outstanding"), currency), Optional.ofNullable(row.localDate("oldest_unpaid_due")),
                    row.bool("limit_exceeded"));
        });
    }

    @Override
    protected String idOf(Head parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(Head parent) {
        return parent.version();
    }

    @Override
    protected Function<Head, BillingAccount> readChildren(List<Head> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, Currency> currencies = new java.util.HashMap<>();
        parents.forEach(p -> currencies.put(p.id().value(), p.creditLimit().currency()));
        Map<String, List<Money>> bands = childrenOf(BANDS, KEY, ids, "line_no",
                (row, id) -> new Money(row.bigDecimal("amount"), currencies.get(id)));
        Map<String, List<PreferenceChange>> history = childrenAndVersionsOf(HISTORY, KEY, ids, "line_no",
                (row, id) -> stored(() -> "preference change " + row.intValue("line_no") + " of billing account " + id,
                        () -> new PreferenceChange(row.intValue("line_no"), new BillPreferences(
                                requiredEnum(row, "channel", BillChannel.class),
                                requiredEnum(row, "frequency", BillFrequency.class),
                                requiredEnum(row, "bill_format", BillFormat.class),
                                requiredEnum(row, "bill_detail", BillDetail.class),
                                requiredEnum(row, "split", BillSplit.class),
                                names(row.requiredString("branches")), names(row.requiredString("projects"))),
                                user(row, "changed_by"), row.instant("changed_at"), row.requiredString("reason"))));
        return h -> {
            String id = h.id().value();
            ArrearsAgeing arrears = stored(() -> "arrears of billing account " + id, () -> new ArrearsAgeing(h.asOf(), h.bands(),
                    bands.getOrDefault(id, List.of()), h.total(), h.outstanding(), h.oldestUnpaidDue()));
            return BillingAccount.restore(new BillingAccountSnapshot(h.id(), h.version(), h.openedBy(), h.openedAt(),
                    h.rating(), h.creditLimit(), arrears, h.limitExceeded(), history.getOrDefault(id, List.of())));
        };
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",", -1));
    }
}
