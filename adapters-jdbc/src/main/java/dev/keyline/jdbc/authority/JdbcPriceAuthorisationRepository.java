package dev.keyline.jdbc.authority;

import static dev.keyline.jdbc.StoredValues.currency;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.PriceAuthorisation;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceAuthorisationSnapshot;
import dev.keyline.domain.authority.PriceAuthorisationState;
import dev.keyline.domain.authority.PriceDecision;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.authority.PriceAuthorisationRepository;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The requests for commercial authorisation (商务授权) of a {@link dev.keyline.jdbc.JdbcStorage}: one
 * row per request in {@code keyline_price_authorisation} (list, offered and floor price in the
 * request's one currency) and every decision in {@code keyline_price_authorisation_decision},
 * oldest first, with the role it counted for and the maximum discount it relied on.
 *
 * <p>The maximum discount is kept in a {@code NUMERIC(13, 12)} column; the domain refuses one with
 * more decimals ({@link dev.keyline.domain.common.Limits#DISCOUNT_SCALE}), so every decision fits.
 * Saving writes the row with the optimistic version check and inserts only the decisions taken
 * since the request was loaded (decisions are append-only), in the caller's transaction; loading
 * reads them
 * consistently and restores through {@link PriceAuthorisation#restore(PriceAuthorisationSnapshot)},
 * which replays every decision against the rules. Instants are kept to the microsecond.
 */
public final class JdbcPriceAuthorisationRepository
        extends JdbcParentChildRepository<PriceAuthorisation, PriceAuthorisationId, PriceAuthorisationSnapshot>
        implements PriceAuthorisationRepository {

    private static final String TABLE = "keyline_price_authorisation";
    private static final String DECISIONS = "keyline_price_authorisation_decision";
    private static final String BY_REQUEST_TIME = "requested_at, authorisation_id";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcPriceAuthorisationRepository(JdbcSession session) {
        super(session, "price authorisation", TABLE, "authorisation_id", PriceAuthorisation::snapshot, PriceAuthorisation::restore);
    }

    @Override
    public List<PriceAuthorisation> byAccount(AccountId account) {
        Require.nonNull(account, "account");
        return listWhere("account_id = ?", BY_REQUEST_TIME, account);
    }

    @Override
    public Stream<PriceAuthorisation> byStatus(PriceAuthorisationState status) {
        Require.nonNull(status, "status");
        return streamWhere("state = ?", BY_REQUEST_TIME, status);
    }

    @Override
    protected Columns columns(PriceAuthorisation authorisation) {
        Money list = authorisation.offer().listPrice();
        return Columns.create()
                .set("account_id", authorisation.offer().account())
                .set("product_code", authorisation.offer().product())
                .set("currency", list.currency().getCurrencyCode())
                .set("list_price", list.amount())
                .set("offered_price", authorisation.offer().offeredPrice().amount())
                .set("floor_price", authorisation.floorPrice().map(Money::amount))
                .set("requested_by", authorisation.requestedBy())
                .set("addressed_to", authorisation.addressedTo())
                .set("requested_at", authorisation.requestedAt())
                .set("reason", authorisation.reason())
                .set("state", authorisation.state());
    }

    @Override
    protected void saveChildren(PriceAuthorisation authorisation, boolean inserted) {
        List<Object[]> rows = appendRows(authorisation.decisions(), (i, d) -> new Object[] {authorisation.id(),
                i + 1, d.kind(), d.decidedBy(), d.role(), d.maximumDiscount(), d.decidedAt(), d.reason()});
        appendChildren(DECISIONS, "authorisation_id", authorisation.id(), inserted, "INSERT INTO " + DECISIONS
                + " (authorisation_id, line_no, decision_kind, decided_by, decision_role, maximum_discount, decided_at, "
                + "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    protected PriceAuthorisationSnapshot parent(Row row) {
        PriceAuthorisationId id = required(row, "authorisation_id", PriceAuthorisationId::new);
        return stored(() -> "price authorisation " + id, () -> {
            Currency currency = currency(row, "currency");
            BigDecimal floor = row.bigDecimal("floor_price");
            return new PriceAuthorisationSnapshot(id, row.longValue("version"), required(row, "account_id", AccountId::new),
                    required(row, "product_code", ProductCode::new), amount(row, "list_price", currency),
                    amount(row, "offered_price", currency), floor == null ? null : new Money(floor, currency),
                    user(row, "requested_by"), requiredEnum(row, "addressed_to", Role.class), row.instant("requested_at"),
                    row.requiredString("reason"), requiredEnum(row, "state", PriceAuthorisationState.class), List.of());
        });
    }

    @Override
    protected String idOf(PriceAuthorisationSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(PriceAuthorisationSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<PriceAuthorisationSnapshot, PriceAuthorisation> readChildren(List<PriceAuthorisationSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<PriceDecision>> decisions = childrenAndVersionsOf(DECISIONS, "authorisation_id", ids, "line_no",
                (row, id) -> stored(() -> "decision " + row.intValue("line_no") + " on price authorisation " + id,
                        () -> new PriceDecision(requiredEnum(row, "decision_kind", PriceDecision.Kind.class),
                                user(row, "decided_by"), row.enumValue("decision_role", Role.class),
                                row.bigDecimal("maximum_discount"), row.instant("decided_at"),
                                row.requiredString("reason"))));
        return s -> PriceAuthorisation.restore(new PriceAuthorisationSnapshot(s.id(), s.version(), s.account(),
                s.product(), s.listPrice(), s.offeredPrice(), s.floorPrice(), s.requestedBy(), s.addressedTo(),
                s.requestedAt(), s.reason(), s.state(), decisions.getOrDefault(s.id().value(), List.of())));
    }

    private static Money amount(Row row, String column, Currency currency) {
        BigDecimal amount = row.bigDecimal(column);
        return amount == null ? null : new Money(amount, currency);
    }
}
