package dev.keyline.jdbc.sla;

import static dev.keyline.jdbc.StoredValues.money;
import static dev.keyline.jdbc.StoredValues.optionalUser;
import static dev.keyline.jdbc.StoredValues.required;
import static dev.keyline.jdbc.StoredValues.requiredEnum;
import static dev.keyline.jdbc.StoredValues.stored;
import static dev.keyline.jdbc.StoredValues.user;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.sla.Amendment;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.OrderCompletion;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.ReservationChange;
import dev.keyline.domain.sla.ReservationEntry;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.Signature;
import dev.keyline.domain.sla.SlaDocument;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaState;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcParentChildRepository;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service-level agreements of a {@link dev.keyline.jdbc.JdbcStorage}: one row per SLA in
 * {@code keyline_sla} (its parties, period, terms, state, approval and ending) and its collections
 * in child tables, each in the order its entries were made. Every collection only grows, so saving
 * bumps the SLA's version, updates its row and inserts only the entries made since it was loaded,
 * in the caller's transaction; loading restores through
 * {@link ServiceLevelAgreement#restore(ServiceLevelAgreementSnapshot)}. Instants are kept to the
 * microsecond.
 */
public final class JdbcServiceLevelAgreementRepository
        extends JdbcParentChildRepository<ServiceLevelAgreement, SlaId, ServiceLevelAgreementSnapshot>
        implements ServiceLevelAgreementRepository {

    private static final String AGREEMENTS = "keyline_sla_agreement";
    private static final String SIGNATURES = "keyline_sla_signature";
    private static final String AMENDMENTS = "keyline_sla_amendment";
    private static final String ORDERS = "keyline_sla_order";
    private static final String COMPLETIONS = "keyline_sla_completion";
    private static final String RESERVATIONS = "keyline_sla_reservation";
    private static final String DOCUMENTS = "keyline_sla_document";

    /**
     * The repository on the provider's session.
     *
     * @param session the session of the provider's transactions
     */
    public JdbcServiceLevelAgreementRepository(JdbcSession session) {
        super(session, "SLA", "keyline_sla", "sla_id", ServiceLevelAgreement::snapshot, ServiceLevelAgreement::restore);
    }

    @Override
    public Optional<SlaId> recordingReservation(String reference) {
        Require.nonNull(reference, "reference");
        return session().query("SELECT DISTINCT sla_id FROM " + RESERVATIONS + " WHERE reference = ? ORDER BY sla_id",
                row -> required(row, "sla_id", SlaId::new), reference).stream().findFirst();
    }

    @Override
    protected Columns columns(ServiceLevelAgreement sla) {
        ServiceLevelAgreementSnapshot s = sla.snapshot();
        return Columns.create()
                .set("department", s.department())
                .set("network_id", s.network())
                .set("first_month", s.term().firstMonth())
                .set("months", s.term().months())
                .set("zone_id", s.zone().getId())
                .set("change_frequency", s.changeFrequency())
                .set("liability", s.terms().liability())
                .set("applicable_law", s.terms().applicableLaw())
                .set("procedures", s.terms().procedures())
                .set("confidentiality", s.terms().confidentiality())
                .set("third_party_purchasing", s.terms().thirdPartyPurchasingAllowed())
                .set("pricing_method", s.terms().pricingMethod())
                .set("drafted_by", s.draftedBy())
                .set("drafted_at", s.draftedAt())
                .set("sla_state", s.state())
                .set("approved_by", s.approvedBy())
                .set("approved_at", s.approvedAt())
                .set("ended_by", s.endedBy())
                .set("ended_at", s.endedAt())
                .set("end_reason", s.endReason());
    }

    @Override
    protected void saveChildren(ServiceLevelAgreement sla, boolean inserted) {
        ServiceLevelAgreementSnapshot s = sla.snapshot();
        SlaId id = sla.id();
        append(AGREEMENTS, id, inserted, "product_code, monthly_volumes, expected_minimum, expected_maximum, unit_price, "
                + "currency, differentiation, discount, qos, penalties", s.agreements(), a -> new Object[] {a.product(),
                        volumesText(a.monthlyVolumes()), a.expectedMinimum(), a.expectedMaximum(), a.unitPrice().amount(),
                        a.unitPrice().currency().getCurrencyCode(), a.differentiation(), a.discount(), a.qos(), a.penalties()});
        append(SIGNATURES, id, inserted, "party, signed_by, signed_at", s.signatures(),
                g -> new Object[] {g.party(), g.signedBy(), g.signedAt()});
        append(AMENDMENTS, id, inserted, "product_code, effective_from, monthly_volumes, reason, requested_by, approved_by, "
                + "amended_at", s.amendments(), a -> new Object[] {a.product(), a.effectiveFrom(),
                        volumesText(a.monthlyVolumes()), a.reason(), a.requestedBy(), a.approvedBy(), a.amendedAt()});
        append(ORDERS, id, inserted, "reference, product_code, service_class, ordered_on, committed_on, price, currency, "
                + "accepted_by, accepted_at", s.orders(), o -> new Object[] {o.reference(), o.product(), o.serviceClass(),
                        o.orderedOn(), o.committedOn(), o.price().amount(), o.price().currency().getCurrencyCode(),
                        o.acceptedBy(), o.acceptedAt()});
        append(COMPLETIONS, id, inserted, "reference, completed_on, on_time, reported_by, reported_at", s.completions(),
                c -> new Object[] {c.reference(), c.completedOn(), c.onTime(), c.reportedBy(), c.reportedAt()});
        append(RESERVATIONS, id, inserted, "reference, product_code, units, change_kind, changed_at", s.reservations(),
                r -> new Object[] {r.reference(), r.product(), r.units(), r.change(), r.at()});
        append(DOCUMENTS, id, inserted, "document_kind, reference, product_code, document_text, recorded_by, recorded_at",
                s.documents(), d -> new Object[] {d.kind(), d.reference(), d.product(), d.text(), d.recordedBy(),
                        d.recordedAt()});
    }

    private <T> void append(String table, SlaId id, boolean inserted, String columns, List<T> entries,
            Function<T, Object[]> values) {
        // the rows after those stored are built, not the whole history; the statement once per table
        List<Object[]> rows = appendRows(entries, (i, entry) -> {
            Object[] own = values.apply(entry);
            Object[] row = new Object[own.length + 2];
            row[0] = id;
            row[1] = i + 1;
            System.arraycopy(own, 0, row, 2, own.length);
            return row;
        });
        appendChildren(table, "sla_id", id, inserted, APPEND_SQL.computeIfAbsent(table, t -> "INSERT INTO " + t
                + " (sla_id, line_no, " + columns + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.split(",").length + 2, "?")) + ")"), rows);
    }

    /** The INSERT of each child table written by {@link #append}, whose columns are fixed per table. */
    private static final Map<String, String> APPEND_SQL = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected ServiceLevelAgreementSnapshot parent(Row row) {
        SlaId id = required(row, "sla_id", SlaId::new);
        String name = "SLA " + id;
        SlaTerm term = stored(() -> name + " period", () -> new SlaTerm(row.yearMonth("first_month"), row.intValue("months")));
        SlaTerms terms = stored(() -> name + " terms", () -> new SlaTerms(row.string("liability"), row.string("applicable_law"),
                row.string("procedures"), row.string("confidentiality"), row.bool("third_party_purchasing"),
                requiredEnum(row, "pricing_method", PricingMethod.class)));
        return new ServiceLevelAgreementSnapshot(id, row.longValue("version"),
                required(row, "department", MarketingDepartment::new), required(row, "network_id", LocalNetworkId::new),
                term, zone(row.requiredString("zone_id"), name), row.intValue("change_frequency"), terms,
                user(row, "drafted_by"), row.instant("drafted_at"), requiredEnum(row, "sla_state", SlaState.class),
                List.of(), List.of(), optionalUser(row, "approved_by").orElse(null), row.instant("approved_at"),
                List.of(), List.of(), List.of(), List.of(), List.of(), optionalUser(row, "ended_by").orElse(null),
                row.instant("ended_at"), row.string("end_reason"));
    }

    @Override
    protected String idOf(ServiceLevelAgreementSnapshot parent) {
        return parent.id().value();
    }

    @Override
    protected long versionOf(ServiceLevelAgreementSnapshot parent) {
        return parent.version();
    }

    @Override
    protected Function<ServiceLevelAgreementSnapshot, ServiceLevelAgreement> readChildren(
            List<ServiceLevelAgreementSnapshot> parents) {
        List<String> ids = parents.stream().map(this::idOf).toList();
        Map<String, List<ServiceAgreement>> agreements = childrenOf(AGREEMENTS, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "agreement " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new ServiceAgreement(required(row, "product_code", ProductCode::new),
                                volumes(row.requiredString("monthly_volumes"), sla), row.intValue("expected_minimum"),
                                row.intValue("expected_maximum"), money(row, "unit_price", "currency"),
                                row.string("differentiation"), row.bigDecimal("discount"), row.string("qos"),
                                row.string("penalties"))));
        Map<String, List<Signature>> signatures = childrenOf(SIGNATURES, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "signature " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new Signature(requiredEnum(row, "party", SlaParty.class), user(row, "signed_by"),
                                row.instant("signed_at"))));
        Map<String, List<Amendment>> amendments = childrenOf(AMENDMENTS, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "amendment " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new Amendment(row.intValue("line_no"), required(row, "product_code", ProductCode::new),
                                row.yearMonth("effective_from"), volumes(row.requiredString("monthly_volumes"), sla),
                                row.string("reason"), user(row, "requested_by"), user(row, "approved_by"),
                                row.instant("amended_at"))));
        Map<String, List<SlaOrder>> orders = childrenOf(ORDERS, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "order " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new SlaOrder(row.string("reference"), required(row, "product_code", ProductCode::new),
                                requiredEnum(row, "service_class", ServiceClass.class), row.localDate("ordered_on"),
                                row.localDate("committed_on"), money(row, "price", "currency"), user(row, "accepted_by"),
                                row.instant("accepted_at"))));
        Map<String, List<OrderCompletion>> completions = childrenOf(COMPLETIONS, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "completion " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new OrderCompletion(row.string("reference"), row.localDate("completed_on"),
                                row.bool("on_time"), user(row, "reported_by"), row.instant("reported_at"))));
        Map<String, List<ReservationEntry>> reservations = childrenOf(RESERVATIONS, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "reservation record " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new ReservationEntry(row.string("reference"), required(row, "product_code", ProductCode::new),
                                row.intValue("units"), requiredEnum(row, "change_kind", ReservationChange.class),
                                row.instant("changed_at"))));
        Map<String, List<SlaDocument>> documents = childrenAndVersionsOf(DOCUMENTS, "sla_id", ids, "line_no",
                (row, sla) -> stored(() -> "document " + row.intValue("line_no") + " of SLA " + sla,
                        () -> new SlaDocument(requiredEnum(row, "document_kind", SlaDocumentKind.class),
                                row.string("reference"), required(row, "product_code", ProductCode::new),
                                row.string("document_text"), user(row, "recorded_by"), row.instant("recorded_at"))));
        return s -> {
            String id = s.id().value();
            return ServiceLevelAgreement.restore(new ServiceLevelAgreementSnapshot(s.id(), s.version(), s.department(),
                    s.network(), s.term(), s.zone(), s.changeFrequency(), s.terms(), s.draftedBy(), s.draftedAt(),
                    s.state(), agreements.getOrDefault(id, List.of()), signatures.getOrDefault(id, List.of()),
                    s.approvedBy(), s.approvedAt(), amendments.getOrDefault(id, List.of()),
                    orders.getOrDefault(id, List.of()), completions.getOrDefault(id, List.of()),
                    reservations.getOrDefault(id, List.of()), documents.getOrDefault(id, List.of()), s.endedBy(),
                    s.endedAt(), s.endReason()));
        };
    }

    /** The stored text of monthly volumes: whole numbers separated by single spaces. */
    static String volumesText(List<Integer> volumes) {
        StringBuilder text = new StringBuilder(8 * volumes.size());
        for (int i = 0; i < volumes.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(volumes.get(i).intValue());
        }
        return text.toString();
    }

    private static List<Integer> volumes(String text, String sla) {
        List<Integer> volumes = new ArrayList<>();
        for (String part : text.split(" ", -1)) {
            try {
                volumes.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new CorruptStateException("SLA " + sla + ": monthly volumes '" + text
                        + "' are not whole numbers separated by single spaces", e);
            }
        }
        return volumes;
    }

    private static ZoneId zone(String text, String name) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new CorruptStateException(name + ": zone '" + text + "' is not a time zone", e);
        }
    }
}
