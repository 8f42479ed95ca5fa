package dev.keyline.domain.sla;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service-level agreement (服务水平协议 SLA) between a marketing department and the network
 * centre of a local network for an SLA period (a year by default).
 *
 * <p><b>Lifecycle.</b> A marketing manager drafts it with its terms and one
 * {@link ServiceAgreement} per product ({@link SlaState#DRAFT}); the marketing manager and the
 * network centre's manager each sign for their party ({@link SlaState#SIGNED} once both did); the
 * general manager approves it ({@link SlaState#IN_FORCE}). After its period it
 * {@linkplain #expire expires}; the general manager may {@linkplain #terminate terminate} it
 * earlier.
 *
 * <p><b>In force.</b> Orders are accepted in a service class ({@link #acceptOrder}): the host's
 * {@link ServiceClassTable} gives the days, counted through the {@link BusinessCalendar} to a
 * committed date, the price index and the limit, which counts per SLA and per product over a
 * calendar month or the SLA period; an order over the limit is refused with
 * {@link ServiceClassLimitException} and never moved to another class. Amendments
 * ({@link #amend}) change a product's agreed volumes from the next month on, at most
 * {@link #changeFrequency()} times per period, each with a reason and the general manager's
 * approval; a month that has begun is never rewritten. The documents of the information flow, the
 * completion feedback and the monthly execution report are recorded as they pass, and the SLA
 * keeps a record of each binding reservation the resources area makes or releases against it.
 *
 * <p><b>Who acts</b> (the SLA's access rules): the marketing manager drafts, signs for marketing,
 * asks for amendments, places orders (an account manager may too) and sends resource requirements,
 * confirmations and fault orders; the network centre's manager signs for the network centre, may ask
 * for amendments, reports completions, sends resource feedback and fault results and issues the
 * monthly report; the general manager approves the SLA and its amendments, evaluates it and
 * terminates it. A refused command throws before anything changes.
 */
public final class ServiceLevelAgreement extends AggregateRoot<SlaId> {

    /** The most amendments a period may permit. */
    public static final int MAX_CHANGE_FREQUENCY = 100;

    private final MarketingDepartment department;
    private final LocalNetworkId network;
    private final SlaTerm term;
    private final ZoneId zone;
    private final int changeFrequency;
    private final SlaTerms terms;
    private final UserId draftedBy;
    private final Instant draftedAt;
    private SlaState state;
    private final Map<ProductCode, ServiceAgreement> agreements = new LinkedHashMap<>();
    private final Map<ProductCode, List<Integer>> volumes = new LinkedHashMap<>();
    private final Map<SlaParty, Signature> signatures = new EnumMap<>(SlaParty.class);
    private final List<Signature> signatureList = new ArrayList<>();
    private UserId approvedBy;
    private Instant approvedAt;
    private final List<Amendment> amendments = new ArrayList<>();
    private final Map<String, SlaOrder> orders = new LinkedHashMap<>();
    private final Map<String, OrderCompletion> completions = new LinkedHashMap<>();
    private final List<ReservationEntry> reservations = new ArrayList<>();
    private final Map<String, ReservationEntry> heldReservations = new LinkedHashMap<>();
    private final List<SlaDocument> documents = new ArrayList<>();
    private UserId endedBy;
    private Instant endedAt;
    private String endReason;

    private ServiceLevelAgreement(SlaId id, long version, MarketingDepartment department, LocalNetworkId network,
            SlaTerm term, ZoneId zone, int changeFrequency, SlaTerms terms, UserId draftedBy, Instant draftedAt) {
        super(id, version);
        this.department = department;
        this.network = network;
        this.term = term;
        this.zone = zone;
        this.changeFrequency = changeFrequency;
        this.terms = terms;
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.state = SlaState.DRAFT;
    }

    /**
     * Drafts an SLA (version 0, never saved) and records {@link SlaDrafted}.
     *
     * @param id the SLA's id
     * @param department the marketing department that signs it
     * @param network the local network whose network centre is the other party
     * @param term the SLA period
     * @param zone the time zone its business dates (order, committed and completion dates, months)
     *     are reckoned in
     * @param changeFrequency how many amendments the period permits, 0 to {@value #MAX_CHANGE_FREQUENCY}
     * @param terms the general and governing terms
     * @param agreements one service agreement per product, each with one volume per month of the term
     * @param drafter who drafts it; must be a marketing manager
     * @param at when
     * @return the draft
     * @throws InvalidArgumentException naming the argument when one is null, the change frequency is
     *     out of range, there is no agreement, a product has two, or an agreement's volumes do not
     *     match the term's months
     * @throws NotAuthorisedException when the drafter is not a marketing manager
     */
    public static ServiceLevelAgreement draft(SlaId id, MarketingDepartment department, LocalNetworkId network,
            SlaTerm term, ZoneId zone, int changeFrequency, SlaTerms terms, List<ServiceAgreement> agreements,
            Actor drafter, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(department, "department");
        Require.nonNull(network, "network");
        Require.nonNull(term, "term");
        Require.nonNull(zone, "zone");
        Require.nonNull(terms, "terms");
        List<ServiceAgreement> given = Require.nonNullElements(agreements, "agreements");
        Require.nonNull(drafter, "drafter");
        Require.nonNull(at, "at");
        checkChangeFrequency(changeFrequency);
        Require.that(zone.getId().length() <= Limits.ID_LENGTH, "zone", () -> "must have an id of at most " + Limits.ID_LENGTH
                + " characters but was " + zone.getId());
        Require.that(!given.isEmpty(), "agreements", "an SLA needs at least one service agreement");
        requireRole(drafter, id, "draft the SLA", Role.MARKETING_MANAGER);
        ServiceLevelAgreement sla = new ServiceLevelAgreement(id, 0, department, network, term, zone, changeFrequency,
                terms, drafter.user(), at);
        for (ServiceAgreement agreement : given) {
            sla.admitAgreement(agreement);
        }
        sla.record(new SlaDrafted(EventId.random(), at, id, department, network, term.firstMonth(), term.months(),
                List.copyOf(sla.agreements.keySet()), drafter.user()));
        return sla;
    }

    /**
     * A party signs the draft and {@link SlaSigned} is recorded; once both parties signed the SLA is
     * {@link SlaState#SIGNED}.
     *
     * @param signer who signs; must hold the party's role, and may not have signed for the other party
     * @param party the party signed for
     * @param at when
     * @return the signature
     * @throws InvalidArgumentException naming the argument when one is null
     * @throws NotAuthorisedException when the signer lacks the party's role or signed for the other party
     * @throws InvalidStateException when the SLA is not a draft or the party has signed already
     */
    public Signature sign(Actor signer, SlaParty party, Instant at) {
        Require.nonNull(signer, "signer");
        Require.nonNull(party, "party");
        Require.nonNull(at, "at");
        requireRole(signer, id(), "sign for " + party, party.role());
        requireState("sign it", SlaState.DRAFT);
        if (signatures.containsKey(party)) {
            throw new InvalidStateException("SLA " + id() + " is already signed for " + party + " by "
                    + signatures.get(party).signedBy());
        }
        for (Signature other : signatures.values()) {
            if (other.signedBy().equals(signer.user())) {
                throw new NotAuthorisedException(signer + " signed SLA " + id() + " for " + other.party()
                        + " and may not sign it for " + party + " too: each party signs by its own manager");
            }
        }
        Signature signature = new Signature(party, signer.user(), at);
        admitSignature(signature);
        if (signatures.size() == SlaParty.values().length) {
            state = SlaState.SIGNED;
        }
        record(new SlaSigned(EventId.random(), at, id(), party, signer.user(), state == SlaState.SIGNED));
        return signature;
    }

    /**
     * The general manager approves the signed SLA; it is {@link SlaState#IN_FORCE} and
     * {@link SlaApproved} is recorded.
     *
     * @param approver who approves; must be the general manager
     * @param at when
     * @throws InvalidArgumentException naming the argument when one is null
     * @throws NotAuthorisedException when the approver is not the general manager
     * @throws InvalidStateException when the SLA is not signed by both parties
     */
    public void approve(Actor approver, Instant at) {
        Require.nonNull(approver, "approver");
        Require.nonNull(at, "at");
        requireRole(approver, id(), "approve the SLA", Role.GENERAL_MANAGER);
        requireState("approve it", SlaState.SIGNED);
        approvedBy = approver.user();
        approvedAt = at;
        state = SlaState.IN_FORCE;
        record(new SlaApproved(EventId.random(), at, id(), department, approver.user(), term.firstMonth(), term.lastMonth()));
    }

    /**
     * Amends a product's agreed monthly volumes from the month after {@code at} (or the first
     * month, before the period starts) and records {@link SlaAmended}. Months that have begun keep
     * their volumes.
     *
     * @param requester who asks; a marketing manager or the network centre's manager
     * @param approver who approves; the general manager, not the requester
     * @param product an agreed product
     * @param monthlyVolumes the product's volumes for every month of the period, equal to the
     *     current ones in every month that has begun, and different in at least one other
     * @param reason why, not blank
     * @param at when
     * @return the amendment
     * @throws InvalidArgumentException naming the argument when one is null, the product has no
     *     agreement, the volumes do not cover the period, rewrite a begun month or change nothing
     * @throws NotAuthorisedException when the requester or approver lacks the role, or they are the same user
     * @throws InvalidStateException when the SLA is not in force or no month is left to amend
     * @throws LimitExceededException when the period's amendments are used up
     */
    public Amendment amend(Actor requester, Actor approver, ProductCode product, List<Integer> monthlyVolumes,
            String reason, Instant at) {
        Require.nonNull(requester, "requester");
        Require.nonNull(approver, "approver");
        Require.nonNull(product, "product");
        List<Integer> next = ServiceAgreement.volumes(monthlyVolumes, "monthlyVolumes");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        requireRole(requester, id(), "ask for an amendment", Role.MARKETING_MANAGER, Role.NETWORK_CENTRE_MANAGER);
        requireRole(approver, id(), "approve an amendment", Role.GENERAL_MANAGER);
        if (approver.user().equals(requester.user())) {
            throw new NotAuthorisedException(approver + " asked for the amendment of SLA " + id()
                    + " and may not approve it too");
        }
        requireState("amend it", SlaState.IN_FORCE);
        if (amendments.size() >= changeFrequency) {
            throw new LimitExceededException("SLA " + id() + " permits " + changeFrequency
                    + " amendments per period and all are used");
        }
        requireAgreement(product);
        YearMonth effectiveFrom = effectiveFrom(at);
        Amendment amendment = new Amendment(amendments.size() + 1, product, effectiveFrom, next, reason,
                requester.user(), approver.user(), at);
        admitAmendment(amendment);
        record(new SlaAmended(EventId.random(), at, id(), amendment.number(), product, effectiveFrom, next, reason,
                requester.user(), approver.user(), changeFrequency - amendments.size()));
        return amendment;
    }

    /**
     * Accepts an order under the SLA in a service class and records {@link SlaOrderAccepted}; when
     * the class's orders of the product in its window reach the table's share of the limit, also
     * {@link ServiceClassLimitNearlyReached}. The order's date is {@code at}'s date in the SLA's zone;
     * its committed date is that date plus the class's days through {@code calendar}; its price is
     * the agreement's unit price × the class's index × (1 − the agreement's discount), rounded
     * half-even to the cent once.
     *
     * @param by who places it; a marketing manager or an account manager
     * @param reference the order's reference, unique in the SLA
     * @param product an agreed product
     * @param serviceClass the class asked for
     * @param table the host's service classes
     * @param calendar the business calendar the days count through
     * @param at when; its date must lie in the SLA period
     * @return the accepted order
     * @throws InvalidArgumentException naming the argument when one is null, the reference is not a
     *     valid identifier or the product has no agreement
     * @throws NotAuthorisedException when the placer lacks the role
     * @throws InvalidStateException when the SLA is not in force or the date lies outside its period
     * @throws AlreadyExistsException when the reference is taken
     * @throws ServiceClassLimitException when the class's limit for the product in its window is reached
     */
    public SlaOrder acceptOrder(Actor by, String reference, ProductCode product, ServiceClass serviceClass,
            ServiceClassTable table, BusinessCalendar calendar, Instant at) {
        Require.nonNull(by, "by");
        Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(table, "table");
        Require.nonNull(calendar, "calendar");
        Require.nonNull(at, "at");
        requireRole(by, id(), "place an order", Role.MARKETING_MANAGER, Role.ACCOUNT_MANAGER);
        requireState("accept an order", SlaState.IN_FORCE);
        LocalDate on = dateOf(at, "at");
        YearMonth month = YearMonth.from(on);
        if (!term.contains(month)) {
            throw new InvalidStateException("SLA " + id() + " runs " + term + "; it takes no order on " + on);
        }
        ServiceAgreement agreement = requireAgreement(product);
        if (orders.containsKey(reference)) {
            throw new AlreadyExistsException("SLA " + id() + " already has an order " + reference);
        }
        ServiceClassTerms classTerms = table.terms(serviceClass);
        YearMonth windowStart = classTerms.window() == LimitWindow.CALENDAR_MONTH ? month : term.firstMonth();
        YearMonth windowEnd = classTerms.window() == LimitWindow.CALENDAR_MONTH ? month : term.lastMonth();
        int used = ordersIn(product, serviceClass, windowStart, windowEnd);
        if (classTerms.isLimited() && used >= classTerms.limit()) {
            throw new ServiceClassLimitException(id(), serviceClass, product, windowStart, windowEnd, classTerms.limit());
        }
        LocalDate committed = calendar.plusWorkingDays(on, classTerms.days());
        BigDecimal factor = classTerms.priceIndex().multiply(BigDecimal.ONE.subtract(agreement.discount()));
        Money price = agreement.unitPrice().times(factor);
        SlaOrder order = new SlaOrder(reference, product, serviceClass, on, committed, price, by.user(), at);
        admitOrder(order);
        record(new SlaOrderAccepted(EventId.random(), at, id(), reference, product, serviceClass, on, committed, price,
                by.user()));
        int warnAt = table.nearlyReachedAt(serviceClass);
        if (classTerms.isLimited() && used < warnAt && used + 1 >= warnAt) {
            record(new ServiceClassLimitNearlyReached(EventId.random(), at, id(), product, serviceClass, windowStart,
                    windowEnd, used + 1, classTerms.limit()));
        }
        return order;
    }

    /**
     * The network centre reports an order completed (completion feedback, 竣工反馈) and
     * {@link SlaOrderCompleted} is recorded: on time when its date in the SLA's zone is not after
     * the committed date.
     *
     * @param by who reports; the network centre's manager
     * @param reference the order's reference
     * @param at when it was completed; not before the order's date
     * @return the completion
     * @throws InvalidArgumentException naming the argument when one is null or {@code at} lies before the order
     * @throws NotAuthorisedException when the reporter lacks the role
     * @throws InvalidStateException when the SLA is neither in force nor expired, or the order is completed already
     * @throws NotFoundException when the SLA has no such order
     */
    public OrderCompletion recordCompletion(Actor by, String reference, Instant at) {
        Require.nonNull(by, "by");
        Identifier.check(reference, "reference");
        Require.nonNull(at, "at");
        requireRole(by, id(), "report a completion", Role.NETWORK_CENTRE_MANAGER);
        requireInForceOrExpired("record a completion");
        SlaOrder order = orders.get(reference);
        if (order == null) {
            throw new NotFoundException("SLA " + id() + " has no order " + reference);
        }
        if (completions.containsKey(reference)) {
            throw new InvalidStateException("order " + reference + " of SLA " + id() + " was completed already on "
                    + completions.get(reference).completedOn());
        }
        LocalDate on = dateOf(at, "at");
        Require.that(!on.isBefore(order.orderedOn()), "at", () -> "order " + reference + " was placed on " + order.orderedOn()
                + " and cannot be completed before, on " + on);
        OrderCompletion completion = new OrderCompletion(reference, on, !on.isAfter(order.committedOn()), by.user(), at);
        admitCompletion(completion);
        record(new SlaOrderCompleted(EventId.random(), at, id(), reference, order.product(), order.committedOn(), on,
                completion.onTime(), by.user()));
        return completion;
    }

    /**
     * Records a binding reservation the resources area made against this SLA, and
     * {@link SlaReservationMade}. Called from the resources area's events, not by a person.
     *
     * @param reference the reservation's reference in the resources area, never recorded before
     * @param product an agreed product
     * @param units how many units, at least 1
     * @param at when it was made
     * @return the record
     * @throws InvalidArgumentException naming the argument when one is null, invalid, or the product
     *     has no agreement
     * @throws InvalidStateException when the SLA is not in force
     * @throws AlreadyExistsException when a reservation with the reference was recorded already
     */
    public ReservationEntry recordBindingReservation(String reference, ProductCode product, int units, Instant at) {
        Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(at, "at");
        ReservationEntry entry = new ReservationEntry(reference, product, units, ReservationChange.MADE, at);
        requireState("record a binding reservation", SlaState.IN_FORCE);
        requireAgreement(product);
        if (reservations.stream().anyMatch(r -> r.reference().equals(reference))) {
            throw new AlreadyExistsException("SLA " + id() + " already recorded binding reservation " + reference);
        }
        admitReservation(entry);
        record(new SlaReservationMade(EventId.random(), at, id(), reference, product, units));
        return entry;
    }

    /**
     * Records that the resources area released a binding reservation held against this SLA, and
     * {@link SlaReservationReleased}. Taken in any state after approval, since a reservation may be
     * released after the SLA ended.
     *
     * @param reference the reservation's reference
     * @param at when it was released
     * @return the record
     * @throws InvalidArgumentException naming the argument when one is null or invalid
     * @throws InvalidStateException when the SLA was never approved
     * @throws NotFoundException when no reservation with the reference is held under the SLA
     */
    public ReservationEntry recordReservationReleased(String reference, Instant at) {
        Identifier.check(reference, "reference");
        Require.nonNull(at, "at");
        if (approvedAt == null) {
            throw new InvalidStateException("SLA " + id() + " is " + state + " and holds no binding reservation");
        }
        ReservationEntry held = heldReservations.get(reference);
        if (held == null) {
            throw new NotFoundException("SLA " + id() + " holds no binding reservation " + reference);
        }
        ReservationEntry entry = new ReservationEntry(reference, held.product(), held.units(), ReservationChange.RELEASED, at);
        admitReservation(entry);
        record(new SlaReservationReleased(EventId.random(), at, id(), reference, held.product(), held.units()));
        return entry;
    }

    /**
     * Records a document of the information flow and {@link SlaDocumentRecorded}.
     *
     * @param by who sends it; must hold the role of the kind's sender
     * @param kind what it is
     * @param reference its reference
     * @param product an agreed product it concerns
     * @param text what it says
     * @param at when
     * @return the document
     * @throws InvalidArgumentException naming the argument when one is null or invalid, or the product has no agreement
     * @throws NotAuthorisedException when the sender lacks the role
     * @throws InvalidStateException when the SLA is not in force
     */
    public SlaDocument recordDocument(Actor by, SlaDocumentKind kind, String reference, ProductCode product, String text,
            Instant at) {
        Require.nonNull(by, "by");
        Require.nonNull(kind, "kind");
        Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.text(text, "text");
        Require.nonNull(at, "at");
        requireRole(by, id(), "send a " + kind, kind.sender().role());
        requireState("record a document", SlaState.IN_FORCE);
        requireAgreement(product);
        SlaDocument document = new SlaDocument(kind, reference, product, text, by.user(), at);
        documents.add(document);
        record(new SlaDocumentRecorded(EventId.random(), at, id(), kind, reference, product, kind.sender(), text, by.user()));
        return document;
    }

    /**
     * The network centre issues the monthly execution report of a month that has ended, and
     * {@link SlaMonthlyReportIssued} is recorded; see {@link SlaReports#monthly}.
     *
     * @param by who issues it; the network centre's manager
     * @param month a month of the period that ended before {@code at}'s date
     * @param at when
     * @return the report
     * @throws InvalidArgumentException naming the argument when one is null or the month is outside the period
     * @throws NotAuthorisedException when the issuer lacks the role
     * @throws InvalidStateException when the SLA is neither in force nor expired, or the month has not ended
     */
    public MonthlyExecutionReport issueMonthlyReport(Actor by, YearMonth month, Instant at) {
        Require.nonNull(by, "by");
        Require.nonNull(month, "month");
        Require.nonNull(at, "at");
        requireRole(by, id(), "issue the monthly report", Role.NETWORK_CENTRE_MANAGER);
        requireInForceOrExpired("issue a monthly report");
        Require.that(term.contains(month), "month", () -> month + " lies outside the SLA period " + term);
        LocalDate today = dateOf(at, "at");
        if (today.isBefore(month.plusMonths(1).atDay(1))) {
            throw new InvalidStateException("the report of " + month + " for SLA " + id() + " is issued after the month, not on "
                    + today);
        }
        MonthlyExecutionReport report = SlaReports.monthly(this, month);
        record(new SlaMonthlyReportIssued(EventId.random(), at, id(), month, report.lines(), by.user()));
        return report;
    }

    /**
     * The general manager evaluates the SLA after its period; {@link ForecastDeviationExceeded} is
     * recorded for each product whose deviation (1 − forecast accuracy) is above the threshold. See
     * {@link SlaReports#annual}.
     *
     * @param by who evaluates; the general manager
     * @param deviationThreshold the largest deviation tolerated, 0 to 1
     * @param at when; on or after the first day after the period
     * @return the evaluation
     * @throws InvalidArgumentException naming the argument when one is null or the threshold is out of range
     * @throws NotAuthorisedException when the evaluator lacks the role
     * @throws InvalidStateException when the SLA is neither in force nor expired, or its period has not ended
     */
    public AnnualEvaluation evaluate(Actor by, BigDecimal deviationThreshold, Instant at) {
        Require.nonNull(by, "by");
        Require.nonNull(deviationThreshold, "deviationThreshold");
        Require.nonNull(at, "at");
        Require.that(deviationThreshold.signum() >= 0 && deviationThreshold.compareTo(BigDecimal.ONE) <= 0,
                "deviationThreshold", () -> "must be between 0 and 1 but was " + deviationThreshold.toPlainString());
        requireRole(by, id(), "evaluate the SLA", Role.GENERAL_MANAGER);
        requireInForceOrExpired("evaluate it");
        LocalDate today = dateOf(at, "at");
        if (today.isBefore(term.endExclusive())) {
            throw new InvalidStateException("SLA " + id() + " runs until " + term.lastMonth() + " and is evaluated after, not on "
                    + today);
        }
        AnnualEvaluation evaluation = SlaReports.annual(this);
        for (ProductEvaluation product : evaluation.products()) {
            if (product.deviation().compareTo(deviationThreshold) > 0) {
                record(new ForecastDeviationExceeded(EventId.random(), at, id(), department, product.product(),
                        product.agreedTotal(), product.actualTotal(), product.accuracy(), deviationThreshold, by.user()));
            }
        }
        return evaluation;
    }

    /**
     * Ends the SLA after its period ({@link SlaState#EXPIRED}) and records {@link SlaExpired}.
     *
     * @param at when; on or after the first day after the period
     * @throws InvalidArgumentException when {@code at} is null
     * @throws InvalidStateException when the SLA is not in force or its period has not ended
     */
    public void expire(Instant at) {
        Require.nonNull(at, "at");
        requireState("expire it", SlaState.IN_FORCE);
        LocalDate today = dateOf(at, "at");
        if (today.isBefore(term.endExclusive())) {
            throw new InvalidStateException("SLA " + id() + " runs until " + term.lastMonth() + "; it does not expire on " + today);
        }
        state = SlaState.EXPIRED;
        endedAt = at;
        record(new SlaExpired(EventId.random(), at, id(), term.lastMonth()));
    }

    /**
     * The general manager ends the SLA early ({@link SlaState#TERMINATED}) and {@link SlaTerminated}
     * is recorded.
     *
     * @param by who ends it; the general manager
     * @param reason why, not blank
     * @param at when
     * @throws InvalidArgumentException naming the argument when one is null or the reason is blank
     * @throws NotAuthorisedException when the actor is not the general manager
     * @throws InvalidStateException when the SLA has expired or was terminated already
     */
    public void terminate(Actor by, String reason, Instant at) {
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        requireRole(by, id(), "terminate the SLA", Role.GENERAL_MANAGER);
        requireState("terminate it", SlaState.DRAFT, SlaState.SIGNED, SlaState.IN_FORCE);
        state = SlaState.TERMINATED;
        endedBy = by.user();
        endedAt = at;
        endReason = reason;
        record(new SlaTerminated(EventId.random(), at, id(), reason, by.user()));
    }

    /**
     * The marketing department.
     *
     * @return the department
     */
    public MarketingDepartment department() {
        return department;
    }

    /**
     * The local network whose network centre is the other party.
     *
     * @return the network
     */
    public LocalNetworkId network() {
        return network;
    }

    /**
     * The SLA period.
     *
     * @return the term
     */
    public SlaTerm term() {
        return term;
    }

    /**
     * The zone the SLA's business dates are reckoned in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * How many amendments the period permits.
     *
     * @return the count
     */
    public int changeFrequency() {
        return changeFrequency;
    }

    /**
     * How many amendments are left.
     *
     * @return the count
     */
    public int amendmentsLeft() {
        return changeFrequency - amendments.size();
    }

    /**
     * The general and governing terms.
     *
     * @return the terms
     */
    public SlaTerms terms() {
        return terms;
    }

    /**
     * Where the SLA stands.
     *
     * @return the state
     */
    public SlaState state() {
        return state;
    }

    /**
     * The service agreements as drafted, in order.
     *
     * @return the agreements
     */
    public List<ServiceAgreement> agreements() {
        return List.copyOf(agreements.values());
    }

    /**
     * A product's agreed volumes now, after every amendment.
     *
     * @param product the product
     * @return one volume per month of the period
     * @throws InvalidArgumentException when {@code product} is null or has no agreement
     */
    public List<Integer> agreedVolumes(ProductCode product) {
        Require.nonNull(product, "product");
        requireAgreement(product);
        return volumes.get(product);
    }

    /**
     * The signatures, in the order given.
     *
     * @return the signatures
     */
    public List<Signature> signatures() {
        return List.copyOf(signatureList);
    }

    /**
     * Who approved the SLA, once approved.
     *
     * @return the approver, or empty
     */
    public Optional<UserId> approvedBy() {
        return Optional.ofNullable(approvedBy);
    }

    /**
     * The amendments, oldest first.
     *
     * @return the amendments
     */
    public List<Amendment> amendments() {
        return List.copyOf(amendments);
    }

    /**
     * The orders accepted, oldest first.
     *
     * @return the orders
     */
    public List<SlaOrder> orders() {
        return List.copyOf(orders.values());
    }

    /**
     * The completion feedback received, oldest first.
     *
     * @return the completions
     */
    public List<OrderCompletion> completions() {
        return List.copyOf(completions.values());
    }

    /**
     * Every binding reservation made or released, oldest first.
     *
     * @return the records
     */
    public List<ReservationEntry> reservations() {
        return List.copyOf(reservations);
    }

    /**
     * The binding reservations held now (made, not released).
     *
     * @return the records of their making
     */
    public List<ReservationEntry> heldReservations() {
        return List.copyOf(heldReservations.values());
    }

    /**
     * The documents of the information flow, oldest first.
     *
     * @return the documents
     */
    public List<SlaDocument> documents() {
        return List.copyOf(documents);
    }

    /**
     * How many orders of a product in a class were accepted in a window of months.
     *
     * @param product the product
     * @param serviceClass the class
     * @param from the first month, inclusive
     * @param to the last month, inclusive
     * @return the count
     * @throws InvalidArgumentException when an argument is null
     */
    public int ordersIn(ProductCode product, ServiceClass serviceClass, YearMonth from, YearMonth to) {
        Require.nonNull(product, "product");
        Require.nonNull(serviceClass, "serviceClass");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        int count = 0;
        for (SlaOrder order : orders.values()) {
            YearMonth m = YearMonth.from(order.orderedOn());
            if (order.product().equals(product) && order.serviceClass() == serviceClass && !m.isBefore(from) && !m.isAfter(to)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The stored form of this SLA.
     *
     * @return an immutable snapshot
     */
    public ServiceLevelAgreementSnapshot snapshot() {
        return new ServiceLevelAgreementSnapshot(id(), version(), department, network, term, zone, changeFrequency, terms,
                draftedBy, draftedAt, state, List.copyOf(agreements.values()), signatureList, approvedBy, approvedAt,
                amendments, List.copyOf(orders.values()), List.copyOf(completions.values()), reservations, documents,
                endedBy, endedAt, endReason);
    }

    /**
     * Rebuilds an SLA from its stored form, checking it again.
     *
     * @param snapshot the stored form
     * @return the SLA
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when a part is missing or the parts do not
     *     make a valid SLA
     */
    public static ServiceLevelAgreement restore(ServiceLevelAgreementSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        SlaId id = snapshot.id();
        if (id == null) {
            throw new CorruptStateException("SLA: id is missing");
        }
        String name = "SLA " + id;
        present(snapshot.department(), name, "department");
        present(snapshot.network(), name, "network");
        present(snapshot.term(), name, "term");
        present(snapshot.zone(), name, "zone");
        present(snapshot.terms(), name, "terms");
        present(snapshot.draftedBy(), name, "draftedBy");
        present(snapshot.draftedAt(), name, "draftedAt");
        present(snapshot.state(), name, "state");
        present(snapshot.agreements(), name, "agreements");
        present(snapshot.signatures(), name, "signatures");
        present(snapshot.amendments(), name, "amendments");
        present(snapshot.orders(), name, "orders");
        present(snapshot.completions(), name, "completions");
        present(snapshot.reservations(), name, "reservations");
        present(snapshot.documents(), name, "documents");
        if (snapshot.version() < 0) {
            throw new CorruptStateException(name + ": version is negative: " + snapshot.version());
        }
        try {
            checkChangeFrequency(snapshot.changeFrequency());
            ServiceLevelAgreement sla = new ServiceLevelAgreement(id, snapshot.version(), snapshot.department(),
                    snapshot.network(), snapshot.term(), snapshot.zone(), snapshot.changeFrequency(), snapshot.terms(),
                    snapshot.draftedBy(), snapshot.draftedAt());
            if (snapshot.agreements().isEmpty()) {
                throw new InvalidStateException("it has no service agreement");
            }
            each(snapshot.agreements(), "agreements", sla::admitAgreement);
            each(snapshot.signatures(), "signatures", sla::admitSignature);
            sla.restoreState(snapshot);
            if (sla.approvedAt == null && !(snapshot.amendments().isEmpty() && snapshot.orders().isEmpty()
                    && snapshot.reservations().isEmpty() && snapshot.documents().isEmpty())) {
                throw new InvalidStateException("it was never approved but has amendments, orders, reservations or documents");
            }
            if (snapshot.amendments().size() > snapshot.changeFrequency()) {
                throw new InvalidStateException("it has " + snapshot.amendments().size() + " amendments but permits "
                        + snapshot.changeFrequency());
            }
            each(snapshot.amendments(), "amendments", sla::admitAmendment);
            each(snapshot.orders(), "orders", sla::admitOrder);
            each(snapshot.completions(), "completions", sla::admitCompletion);
            each(snapshot.reservations(), "reservations", sla::admitReservation);
            each(snapshot.documents(), "documents", sla::admitDocument);
            return sla;
        } catch (CorruptStateException e) {
            throw e;
        } catch (KeylineException e) {
            throw new CorruptStateException(name + ": " + e.getMessage(), e);
        }
    }

    private void restoreState(ServiceLevelAgreementSnapshot s) {
        if ((s.approvedBy() == null) != (s.approvedAt() == null)) {
            throw new InvalidStateException("approvedBy and approvedAt must be both set or both missing");
        }
        boolean terminated = s.state() == SlaState.TERMINATED;
        if (terminated != (s.endedBy() != null) || terminated != (s.endReason() != null)) {
            throw new InvalidStateException("endedBy and endReason must be set exactly when it is terminated");
        }
        if ((terminated || s.state() == SlaState.EXPIRED) != (s.endedAt() != null)) {
            throw new InvalidStateException("endedAt must be set exactly when it has ended");
        }
        if (s.endReason() != null) {
            Require.text(s.endReason(), "endReason");
        }
        boolean bothSigned = signatures.size() == SlaParty.values().length;
        boolean approved = s.approvedAt() != null;
        boolean consistent = switch (s.state()) {
            case DRAFT -> !bothSigned && !approved;
            case SIGNED -> bothSigned && !approved;
            case IN_FORCE, EXPIRED -> bothSigned && approved;
            case TERMINATED -> bothSigned || !approved;
        };
        if (!consistent) {
            throw new InvalidStateException("state " + s.state() + " does not fit " + signatures.size()
                    + " signatures and " + (approved ? "an approval" : "no approval"));
        }
        state = s.state();
        approvedBy = s.approvedBy();
        approvedAt = s.approvedAt();
        endedBy = s.endedBy();
        endedAt = s.endedAt();
        endReason = s.endReason();
    }

    private void admitAgreement(ServiceAgreement agreement) {
        if (agreements.containsKey(agreement.product())) {
            throw new InvalidArgumentException("agreements", "product " + agreement.product() + " has two service agreements");
        }
        if (agreement.monthlyVolumes().size() != term.months()) {
            throw new InvalidArgumentException("agreements", "the agreement of " + agreement.product() + " has "
                    + agreement.monthlyVolumes().size() + " monthly volumes but the SLA period " + term + " has "
                    + term.months() + " months");
        }
        agreements.put(agreement.product(), agreement);
        volumes.put(agreement.product(), agreement.monthlyVolumes());
    }

    private void admitSignature(Signature signature) {
        if (signatures.containsKey(signature.party())) {
            throw new InvalidStateException("it is signed twice for " + signature.party());
        }
        signatures.put(signature.party(), signature);
        signatureList.add(signature);
    }

    private void admitAmendment(Amendment amendment) {
        if (amendment.number() != amendments.size() + 1) {
            throw new InvalidArgumentException("number", "amendment number " + amendment.number() + " should be "
                    + (amendments.size() + 1));
        }
        ProductCode product = amendment.product();
        requireAgreement(product);
        List<Integer> current = volumes.get(product);
        List<Integer> next = amendment.monthlyVolumes();
        if (next.size() != term.months()) {
            throw new InvalidArgumentException("monthlyVolumes", "must hold one volume per month of the SLA period " + term
                    + " (" + term.months() + ") but held " + next.size());
        }
        YearMonth effectiveFrom = amendment.effectiveFrom();
        if (!term.contains(effectiveFrom)) {
            throw new InvalidStateException("SLA " + id() + " has no month left to amend: its period " + term
                    + " ends before " + effectiveFrom);
        }
        boolean changed = false;
        for (int i = 0; i < term.months(); i++) {
            YearMonth month = term.firstMonth().plusMonths(i);
            boolean differs = !next.get(i).equals(current.get(i));
            if (differs && month.isBefore(effectiveFrom)) {
                throw new InvalidArgumentException("monthlyVolumes", month + " has begun, so its volume of " + product
                        + " stays " + current.get(i) + "; it was given as " + next.get(i));
            }
            changed |= differs;
        }
        if (!changed) {
            throw new InvalidArgumentException("monthlyVolumes", "the amendment changes no month of " + product);
        }
        amendments.add(amendment);
        volumes.put(product, next);
    }

    private void admitOrder(SlaOrder order) {
        requireAgreement(order.product());
        if (orders.containsKey(order.reference())) {
            throw new AlreadyExistsException("SLA " + id() + " already has an order " + order.reference());
        }
        if (!term.contains(YearMonth.from(order.orderedOn()))) {
            throw new InvalidStateException("order " + order.reference() + " of " + order.orderedOn()
                    + " lies outside the SLA period " + term);
        }
        orders.put(order.reference(), order);
    }

    private void admitCompletion(OrderCompletion completion) {
        SlaOrder order = orders.get(completion.reference());
        if (order == null) {
            throw new NotFoundException("SLA " + id() + " has no order " + completion.reference());
        }
        if (completions.containsKey(completion.reference())) {
            throw new InvalidStateException("order " + completion.reference() + " is completed twice");
        }
        if (completion.completedOn().isBefore(order.orderedOn())
                || completion.onTime() != !completion.completedOn().isAfter(order.committedOn())) {
            throw new InvalidStateException("the completion of order " + completion.reference() + " on "
                    + completion.completedOn() + " does not fit its dates " + order.orderedOn() + " and "
                    + order.committedOn() + " (on time: " + completion.onTime() + ")");
        }
        completions.put(completion.reference(), completion);
    }

    private void admitReservation(ReservationEntry entry) {
        if (entry.change() == ReservationChange.MADE) {
            requireAgreement(entry.product());
            if (reservations.stream().anyMatch(r -> r.reference().equals(entry.reference()))) {
                throw new AlreadyExistsException("binding reservation " + entry.reference() + " is recorded twice");
            }
            heldReservations.put(entry.reference(), entry);
        } else {
            ReservationEntry held = heldReservations.get(entry.reference());
            if (held == null || !held.product().equals(entry.product()) || held.units() != entry.units()) {
                throw new InvalidStateException("binding reservation " + entry.reference()
                        + " is released but was not held as recorded");
            }
            heldReservations.remove(entry.reference());
        }
        reservations.add(entry);
    }

    private void admitDocument(SlaDocument document) {
        requireAgreement(document.product());
        documents.add(document);
    }

    private ServiceAgreement requireAgreement(ProductCode product) {
        ServiceAgreement agreement = agreements.get(product);
        if (agreement == null) {
            throw new InvalidArgumentException("product", "SLA " + id() + " has no service agreement for " + product
                    + "; its products are " + agreements.keySet());
        }
        return agreement;
    }

    private YearMonth effectiveFrom(Instant at) {
        YearMonth next = YearMonth.from(dateOf(at, "at")).plusMonths(1);
        YearMonth from = next.isBefore(term.firstMonth()) ? term.firstMonth() : next;
        if (from.isAfter(term.lastMonth())) {
            throw new InvalidStateException("SLA " + id() + " has no month left to amend: every month of " + term
                    + " has begun");
        }
        return from;
    }

    /**
     * The business date of an instant in the SLA's zone.
     *
     * @param at the instant
     * @param name the argument's name for the message
     * @return the date
     */
    LocalDate dateOf(Instant at, String name) {
        try {
            return LocalDate.ofInstant(at, zone);
        } catch (DateTimeException e) {
            throw new InvalidArgumentException(name, at + " has no date in " + zone);
        }
    }

    private void requireState(String attempted, SlaState... allowed) {
        for (SlaState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new InvalidStateException("SLA " + id() + " is " + state + " and cannot " + attempted
                + "; that needs " + List.of(allowed));
    }

    private void requireInForceOrExpired(String attempted) {
        requireState(attempted, SlaState.IN_FORCE, SlaState.EXPIRED);
    }

    private static void requireRole(Actor actor, SlaId id, String attempted, Role... roles) {
        for (Role role : roles) {
            if (actor.hasRole(role)) {
                return;
            }
        }
        throw new NotAuthorisedException(actor + " may not " + attempted + " of SLA " + id + ": that needs "
                + (roles.length == 1 ? "the role " + roles[0] : "one of the roles " + List.of(roles)));
    }

    private static void checkChangeFrequency(int changeFrequency) {
        Require.that(changeFrequency >= 0 && changeFrequency <= MAX_CHANGE_FREQUENCY, "changeFrequency",
                () -> "must be between 0 and " + MAX_CHANGE_FREQUENCY + " but was " + changeFrequency);
    }

    private static void present(Object part, String name, String what) {
        if (part == null) {
            throw new CorruptStateException(name + ": " + what + " is missing");
        }
    }

    private static <T> void each(List<T> items, String what, java.util.function.Consumer<T> admit) {
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                throw new CorruptStateException(what + "[" + i + "] is missing");
            }
            try {
                admit.accept(item);
            } catch (KeylineException e) {
                throw new InvalidStateException(what + "[" + i + "]: " + e.getMessage());
            }
        }
    }
}
