package dev.keyline.runtime.sla;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.sla.AnnualEvaluation;
import dev.keyline.domain.sla.Amendment;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.MonthlyExecutionReport;
import dev.keyline.domain.sla.OrderCompletion;
import dev.keyline.domain.sla.ReservationEntry;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassLimitException;
import dev.keyline.domain.sla.ServiceClassTable;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.Signature;
import dev.keyline.domain.sla.SlaDocument;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaReports;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.ServiceSteps;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The SLA service: every command of {@link ServiceLevelAgreement} in one transaction of the
 * runtime, at the runtime's clock, saved with the version check and announced by its {@code sla.*}
 * events in the same transaction.
 *
 * <p><b>Access.</b> The SLA's own rules decide who acts (see {@link ServiceLevelAgreement}): the
 * marketing manager drafts, signs for marketing and places orders (an account manager may place
 * orders too); the network centre's manager signs for the network centre, reports completions and
 * issues the monthly report; either party's manager asks for an amendment, which the general
 * manager approves; the general manager approves, evaluates and terminates the SLA; each document
 * of the information flow is sent by its party's manager. Binding reservations and expiry are
 * recorded by the host's or the resources area's processes, with no person acting. A refused
 * command throws before anything changes.
 *
 * <p>New SLAs reckon their business dates in the runtime's zone. Orders take their committed dates
 * through the service's {@link BusinessCalendar} (every day counts, by default) and their days,
 * price index and limits from its {@link ServiceClassTable} (the seed's, by default). Immutable and
 * thread-safe.
 */
public final class ServiceLevelAgreements {

    private final Keyline keyline;
    private final ServiceSteps steps;
    private final ServiceLevelAgreementRepository slas;
    private final ServiceClassTable classes;
    private final BusinessCalendar calendar;

    private ServiceLevelAgreements(Keyline keyline, ServiceClassTable classes, BusinessCalendar calendar) {
        this.keyline = keyline;
        this.steps = ServiceSteps.on(keyline);
        this.slas = keyline.storage().port(ServiceLevelAgreementRepository.class);
        this.classes = classes;
        this.calendar = calendar;
    }

    /**
     * The service on a runtime, with the seed's service classes and a calendar on which every day
     * counts, in the runtime's zone.
     *
     * @param keyline the runtime; its storage provider must store the SLA area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store it
     */
    public static ServiceLevelAgreements on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new ServiceLevelAgreements(keyline, ServiceClassTable.seedDefaults(), BusinessCalendar.allDays(keyline.zone()));
    }

    /**
     * This service with the host's service classes.
     *
     * @param table the classes
     * @return a new service
     */
    public ServiceLevelAgreements withClasses(ServiceClassTable table) {
        return new ServiceLevelAgreements(keyline, Require.nonNull(table, "table"), calendar);
    }

    /**
     * This service counting the classes' days through the host's business calendar.
     *
     * @param businessCalendar the calendar
     * @return a new service
     */
    public ServiceLevelAgreements withCalendar(BusinessCalendar businessCalendar) {
        return new ServiceLevelAgreements(keyline, classes, Require.nonNull(businessCalendar, "businessCalendar"));
    }

    /**
     * The service classes orders are taken under.
     *
     * @return the table
     */
    public ServiceClassTable classes() {
        return classes;
    }

    /**
     * Drafts an SLA; see {@link ServiceLevelAgreement#draft}. Raises {@code sla.drafted}.
     *
     * @param drafter a marketing manager
     * @param id the SLA's id
     * @param department the marketing department
     * @param network the local network whose network centre is the other party
     * @param term the SLA period
     * @param changeFrequency how many amendments the period permits
     * @param terms the general and governing terms
     * @param agreements one service agreement per product
     * @return the draft's snapshot
     * @throws NotAuthorisedException when the drafter is not a marketing manager
     * @throws AlreadyExistsException when the id is taken
     */
    public ServiceLevelAgreementSnapshot draft(Actor drafter, SlaId id, MarketingDepartment department,
            LocalNetworkId network, SlaTerm term, int changeFrequency, SlaTerms terms, List<ServiceAgreement> agreements) {
        Require.nonNull(drafter, "drafter");
        Require.nonNull(id, "id");
        Require.nonNull(department, "department");
        Require.nonNull(network, "network");
        Require.nonNull(term, "term");
        Require.nonNull(terms, "terms");
        Require.nonNullElements(agreements, "agreements");
        return steps.create(slas, ctx -> ServiceLevelAgreement.draft(id, department, network, term, ctx.zone(),
                changeFrequency, terms, agreements, drafter, ctx.now()), ServiceLevelAgreement::snapshot);
    }

    /**
     * A party signs; see {@link ServiceLevelAgreement#sign}. Raises {@code sla.signed}.
     *
     * @param signer the party's manager
     * @param id the SLA
     * @param party the party signed for
     * @return the signature
     * @throws NotAuthorisedException when the signer lacks the party's role
     * @throws InvalidStateException when the SLA is not a draft or the party signed already
     * @throws NotFoundException when there is no such SLA
     */
    public Signature sign(Actor signer, SlaId id, SlaParty party) {
        Require.nonNull(signer, "signer");
        Require.nonNull(party, "party");
        return change(id, (sla, ctx) -> sla.sign(signer, party, ctx.now()));
    }

    /**
     * The general manager approves the signed SLA; it is in force. Raises {@code sla.approved}.
     *
     * @param approver the general manager
     * @param id the SLA
     * @return the SLA's snapshot
     * @throws NotAuthorisedException when the approver is not the general manager
     * @throws InvalidStateException when the SLA is not signed by both parties
     * @throws NotFoundException when there is no such SLA
     */
    public ServiceLevelAgreementSnapshot approve(Actor approver, SlaId id) {
        Require.nonNull(approver, "approver");
        return change(id, (sla, ctx) -> {
            sla.approve(approver, ctx.now());
            return sla.snapshot();
        });
    }

    /**
     * Amends a product's agreed volumes from next month on; see {@link ServiceLevelAgreement#amend}.
     * Raises {@code sla.amended}.
     *
     * @param requester a marketing manager or the network centre's manager
     * @param approver the general manager
     * @param id the SLA
     * @param product the product
     * @param monthlyVolumes its volumes for every month of the period
     * @param reason why
     * @return the amendment
     * @throws LimitExceededException when the period's amendments are used up
     * @throws NotFoundException when there is no such SLA
     */
    public Amendment amend(Actor requester, Actor approver, SlaId id, ProductCode product, List<Integer> monthlyVolumes,
            String reason) {
        Require.nonNull(requester, "requester");
        Require.nonNull(approver, "approver");
        Require.nonNull(product, "product");
        Require.nonNullElements(monthlyVolumes, "monthlyVolumes");
        Require.text(reason, "reason");
        return change(id, (sla, ctx) -> sla.amend(requester, approver, product, monthlyVolumes, reason, ctx.now()));
    }

    /**
     * Accepts an order in a service class; see {@link ServiceLevelAgreement#acceptOrder}. Raises
     * {@code sla.order-accepted}, and {@code sla.class-limit-nearly-reached} when it reaches the
     * table's share of the class's limit.
     *
     * @param by a marketing manager or an account manager
     * @param id the SLA
     * @param reference the order's reference
     * @param product the product
     * @param serviceClass the class
     * @return the accepted order with its committed date and price
     * @throws ServiceClassLimitException when the class's limit for the product is reached
     * @throws NotFoundException when there is no such SLA
     */
    public SlaOrder acceptOrder(Actor by, SlaId id, String reference, ProductCode product, ServiceClass serviceClass) {
        Require.nonNull(by, "by");
        Require.nonNull(reference, "reference");
        Require.nonNull(product, "product");
        Require.nonNull(serviceClass, "serviceClass");
        return change(id, (sla, ctx) -> sla.acceptOrder(by, reference, product, serviceClass, classes, calendar, ctx.now()));
    }

    /**
     * The network centre reports an order completed now. Raises {@code sla.order-completed}.
     *
     * @param by the network centre's manager
     * @param id the SLA
     * @param reference the order
     * @return the completion, on time or late
     * @throws NotFoundException when there is no such SLA or order
     */
    public OrderCompletion recordCompletion(Actor by, SlaId id, String reference) {
        Require.nonNull(by, "by");
        Require.nonNull(reference, "reference");
        return change(id, (sla, ctx) -> sla.recordCompletion(by, reference, ctx.now()));
    }

    /**
     * Records a binding reservation the resources area made against the SLA. Raises
     * {@code sla.reservation-made}.
     *
     * @param id the SLA
     * @param reference the reservation's reference
     * @param product the product
     * @param units the units reserved
     * @return the record
     * @throws NotFoundException when there is no such SLA
     */
    public ReservationEntry recordBindingReservation(SlaId id, String reference, ProductCode product, int units) {
        Require.nonNull(reference, "reference");
        Require.nonNull(product, "product");
        return change(id, (sla, ctx) -> sla.recordBindingReservation(reference, product, units, ctx.now()));
    }

    /**
     * Records that the resources area released a binding reservation. Raises
     * {@code sla.reservation-released}.
     *
     * @param id the SLA
     * @param reference the reservation's reference
     * @return the record
     * @throws NotFoundException when there is no such SLA or the reservation is not held under it
     */
    public ReservationEntry recordReservationReleased(SlaId id, String reference) {
        Require.nonNull(reference, "reference");
        return change(id, (sla, ctx) -> sla.recordReservationReleased(reference, ctx.now()));
    }

    /**
     * Records a document of the information flow. Raises {@code sla.document-recorded}.
     *
     * @param by the sending party's manager
     * @param id the SLA
     * @param kind what it is
     * @param reference its reference
     * @param product the product
     * @param text what it says
     * @return the document
     * @throws NotFoundException when there is no such SLA
     */
    public SlaDocument recordDocument(Actor by, SlaId id, SlaDocumentKind kind, String reference, ProductCode product,
            String text) {
        Require.nonNull(by, "by");
        Require.nonNull(kind, "kind");
        Require.nonNull(reference, "reference");
        Require.nonNull(product, "product");
        Require.text(text, "text");
        return change(id, (sla, ctx) -> sla.recordDocument(by, kind, reference, product, text, ctx.now()));
    }

    /**
     * Issues the monthly execution report of a month that has ended. Raises
     * {@code sla.monthly-report-issued}.
     *
     * @param by the network centre's manager
     * @param id the SLA
     * @param month the month
     * @return the report
     * @throws NotFoundException when there is no such SLA
     */
    public MonthlyExecutionReport issueMonthlyReport(Actor by, SlaId id, YearMonth month) {
        Require.nonNull(by, "by");
        Require.nonNull(month, "month");
        return change(id, (sla, ctx) -> sla.issueMonthlyReport(by, month, ctx.now()));
    }

    /**
     * Evaluates the SLA after its period. Raises {@code sla.forecast-deviation-exceeded} for each
     * product beyond the threshold.
     *
     * @param by the general manager
     * @param id the SLA
     * @param deviationThreshold the largest deviation (1 − accuracy) tolerated
     * @return the evaluation
     * @throws NotFoundException when there is no such SLA
     */
    public AnnualEvaluation evaluate(Actor by, SlaId id, BigDecimal deviationThreshold) {
        Require.nonNull(by, "by");
        Require.nonNull(deviationThreshold, "deviationThreshold");
        return change(id, (sla, ctx) -> sla.evaluate(by, deviationThreshold, ctx.now()));
    }

    /**
     * Ends an SLA whose period is over. Raises {@code sla.expired}.
     *
     * @param id the SLA
     * @return its snapshot
     * @throws InvalidStateException when it is not in force or its period has not ended
     * @throws NotFoundException when there is no such SLA
     */
    public ServiceLevelAgreementSnapshot expire(SlaId id) {
        return change(id, (sla, ctx) -> {
            sla.expire(ctx.now());
            return sla.snapshot();
        });
    }

    /**
     * The general manager ends an SLA early. Raises {@code sla.terminated}.
     *
     * @param by the general manager
     * @param id the SLA
     * @param reason why
     * @return its snapshot
     * @throws NotFoundException when there is no such SLA
     */
    public ServiceLevelAgreementSnapshot terminate(Actor by, SlaId id, String reason) {
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
        return change(id, (sla, ctx) -> {
            sla.terminate(by, reason, ctx.now());
            return sla.snapshot();
        });
    }

    /**
     * The stored state of an SLA.
     *
     * @param id the SLA
     * @return its snapshot, or empty when there is none with that id
     */
    public Optional<ServiceLevelAgreementSnapshot> find(SlaId id) {
        Require.nonNull(id, "id");
        return keyline.transactions().read(() -> slas.find(id).map(ServiceLevelAgreement::snapshot));
    }

    /**
     * The execution report of a month as it stands, without issuing it (no event).
     *
     * @param id the SLA
     * @param month a month of its period
     * @return the report
     * @throws NotFoundException when there is no such SLA
     */
    public MonthlyExecutionReport monthlyReport(SlaId id, YearMonth month) {
        Require.nonNull(id, "id");
        Require.nonNull(month, "month");
        return steps.read(slas, id, (sla, ctx) -> { }, (sla, ctx) -> SlaReports.monthly(sla, month));
    }

    private <R> R change(SlaId id, java.util.function.BiFunction<ServiceLevelAgreement, dev.keyline.runtime.CommandContext, R> command) {
        Require.nonNull(id, "id");
        // who may act is the SLA's own rule, checked by the domain command before anything changes
        return steps.change(slas, id, (sla, ctx) -> { }, command);
    }
}
