package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.sla.AllocationShare;
import dev.keyline.domain.sla.AnnualEvaluation;
import dev.keyline.domain.sla.CostAllocation;
import dev.keyline.domain.sla.CostSplit;
import dev.keyline.domain.sla.ForecastDeviationExceeded;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.MonthlyExecutionReport;
import dev.keyline.domain.sla.MonthlyReportLine;
import dev.keyline.domain.sla.PartyAllocation;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.ProductEvaluation;
import dev.keyline.domain.sla.ReservationEntry;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassLimitException;
import dev.keyline.domain.sla.ServiceClassTerms;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaReservationReference;
import dev.keyline.domain.sla.SlaState;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SLA (服务水平协议) between the group-customer department and Suzhou's network centre for 2025,
 * through the runtime's {@link ServiceLevelAgreements} service: drafted with the agreed monthly
 * volumes, signed by both parties and approved; orders taken in several service classes, one
 * refused over its class's limit; the documents of the information flow; an amendment; the monthly
 * execution report of March, which counts a binding reservation made through the resources area,
 * and the annual evaluation with its forecast accuracy; DDN's product cost allocated 10/10/80.
 */
public final class SlaChapter implements DemoChapter {

    /** The SLA of the chapter. */
    public static final SlaId SLA = new SlaId("SLA-SZ-GROUP-2025");

    /** Frame relay. */
    public static final ProductCode FR = new ProductCode("FR");

    /** ADSL lines. */
    public static final ProductCode ADSL = new ProductCode("ADSL");

    /** The marketing service centre's manager (营销服务中心经理), who signs for marketing. */
    public static final Actor MARKETING_MANAGER = Actor.withRoles(new UserId("lin.na"), Role.MARKETING_MANAGER);

    /** Suzhou's network centre manager (网络中心经理). */
    public static final Actor NETWORK_CENTRE_MANAGER = Actor.withRoles(new UserId("ma.jun"), Role.NETWORK_CENTRE_MANAGER);

    /** Suzhou's general manager (总经理), who approves the SLA and its amendments. */
    public static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("qian.wei"), Role.GENERAL_MANAGER);

    /** The agreed DDN circuits per month of 2025, as in the seed: 50 in the year. */
    public static final List<Integer> DDN_AGREED = List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 5);

    /** The DDN circuits ordered per month. */
    static final List<Integer> DDN_ORDERED = List.of(3, 5, 3, 4, 4, 6, 5, 4, 5, 3, 3, 5);

    /** The frame-relay circuits ordered per month. */
    static final List<Integer> FR_ORDERED = List.of(2, 1, 3, 2, 2, 2, 3, 1, 2, 2, 2, 2);

    /** The ADSL lines ordered per month: far below the forecast of 10 a month. */
    static final List<Integer> ADSL_ORDERED = List.of(4, 5, 3, 6, 4, 5, 4, 6, 5, 4, 5, 4);

    /** The binding reservation of DDN ports made against the SLA in March, through the resources area. */
    public static final ReservationId BINDING = new ReservationId("RES-SZ-2025-SLA-01");

    /** How many DDN ports the binding reservation keeps. */
    public static final long BINDING_PORTS = 2;

    /** DDN's product cost for 2025 on the network centre's books, allocated between the departments. */
    public static final Money DDN_PRODUCT_COST = Money.cny("86420.35");

    /** The departments' shares of the product cost: group 10, business 10, public customers 80. */
    public static final List<AllocationShare> COST_SHARES = List.of(new AllocationShare("group", new BigDecimal("10")),
            new AllocationShare("business", new BigDecimal("10")), new AllocationShare("public", new BigDecimal("80")));

    /** The deviation (1 − forecast accuracy) beyond which the evaluation raises an event. */
    static final BigDecimal DEVIATION_THRESHOLD = new BigDecimal("0.2");

    private static final Instant END_OF_YEAR = LocalDateTime.of(2025, 12, 31, 18, 0).atZone(Demo.ZONE).toInstant();

    /** An SLA chapter. */
    public SlaChapter() {
    }

    @Override
    public String title() {
        return "Service-level agreement";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        ServiceLevelAgreements slas = ServiceLevelAgreements.on(context.keyline());
        ResourcePools resources = ResourcePools.on(context.keyline());
        AccountId national = KeyAccountsChapter.planAccount(Reclassifications.on(context.keyline())).account();

        context.moveTo(LocalDateTime.of(2024, 12, 2, 9, 0));
        slas.draft(MARKETING_MANAGER, SLA, MarketingDepartment.GROUP_CUSTOMERS, SeedMinimums.SUZHOU, SlaTerm.year(2025), 2,
                new SlaTerms("the network centre answers for provisioning within each class's days and pays the "
                        + "agreed penalties", "the law of the People's Republic of China",
                        "orders by electronic work order; changes by amendment; monthly settlement",
                        "volumes, prices and reports stay within the company", false, PricingMethod.PRICE_BASED),
                List.of(new ServiceAgreement(KeyAccountsChapter.DDN, DDN_AGREED, 40, 60, Money.cny("1000.00"),
                                "one price across Suzhou", new BigDecimal("0.05"), "99.9 % availability a month",
                                "1 % of the month's price per hour of outage beyond the QoS"),
                        new ServiceAgreement(FR, java.util.Collections.nCopies(12, 2), 18, 30, Money.cny("600.00"),
                                "one price across Suzhou", BigDecimal.ZERO, "99.5 % availability a month",
                                "0.5 % of the month's price per hour of outage"),
                        new ServiceAgreement(ADSL, java.util.Collections.nCopies(12, 10), 90, 150, Money.cny("150.00"),
                                "lower in the new industrial park", new BigDecimal("0.10"), "98 % availability",
                                "none below 20 lines")));
        context.moveTo(LocalDateTime.of(2024, 12, 3, 9, 0));
        slas.sign(MARKETING_MANAGER, SLA, SlaParty.MARKETING);
        slas.sign(NETWORK_CENTRE_MANAGER, SLA, SlaParty.NETWORK_CENTRE);
        context.moveTo(LocalDateTime.of(2024, 12, 5, 9, 0));
        slas.approve(GENERAL_MANAGER, SLA);

        String refused = null;
        List<SlaOrder> march = new ArrayList<>();
        int number = 0;
        for (int month = 1; month <= 12; month++) {
            context.moveTo(LocalDateTime.of(2025, month, 3, 9, 0));
            boolean showcase = month == 3;
            for (int i = 0; i < DDN_ORDERED.get(month - 1); i++) {
                ServiceClass serviceClass = showcase ? (i == 0 ? ServiceClass.A : ServiceClass.B) : ServiceClass.D;
                SlaOrder order = slas.acceptOrder(MARKETING_MANAGER, SLA, "WO-" + ++number, KeyAccountsChapter.DDN, serviceClass);
                if (showcase) {
                    march.add(order);
                }
                if (showcase && i == 0) {
                    try {
                        slas.acceptOrder(MARKETING_MANAGER, SLA, "WO-A-2", KeyAccountsChapter.DDN, ServiceClass.A);
                        throw new InvalidStateException("a second class A order of DDN in one month was accepted");
                    } catch (ServiceClassLimitException e) {
                        refused = e.getMessage();
                    }
                }
            }
            for (int i = 0; i < FR_ORDERED.get(month - 1); i++) {
                SlaOrder order = slas.acceptOrder(MARKETING_MANAGER, SLA, "WO-" + ++number, FR,
                        showcase ? ServiceClass.C : ServiceClass.E);
                if (showcase) {
                    march.add(order);
                }
            }
            for (int i = 0; i < ADSL_ORDERED.get(month - 1); i++) {
                slas.acceptOrder(MARKETING_MANAGER, SLA, "WO-" + ++number, ADSL, ServiceClass.E);
            }
            if (month == 2) {
                context.moveTo(LocalDateTime.of(2025, 2, 20, 9, 0));
                slas.recordDocument(MARKETING_MANAGER, SLA, SlaDocumentKind.RESOURCE_REQUIREMENT, "REQ-2025-03", KeyAccountsChapter.DDN,
                        "three DDN circuits for the bank's branches in March, one of them within two days");
                context.moveTo(LocalDateTime.of(2025, 2, 21, 9, 0));
                slas.recordDocument(NETWORK_CENTRE_MANAGER, SLA, SlaDocumentKind.RESOURCE_FEEDBACK, "REQ-2025-03",
                        KeyAccountsChapter.DDN, "ports free at the Gusu exchange; the urgent one can be turned up in class A");
                context.moveTo(LocalDateTime.of(2025, 2, 24, 9, 0));
                slas.recordDocument(MARKETING_MANAGER, SLA, SlaDocumentKind.RESOURCE_CONFIRMATION, "REQ-2025-03",
                        KeyAccountsChapter.DDN, "confirmed: one in class A, two in class B");
            }
            if (showcase) {
                Instant now = context.clock().instant();
                String reference = new SlaReservationReference(SLA, KeyAccountsChapter.DDN).text();
                resources.reserve(MARKETING_MANAGER, ResourcesChapter.POOL, BINDING, new ReservationTerms(national,
                        ReservationPurpose.SLA, reference, BINDING_PORTS, now, END_OF_YEAR, END_OF_YEAR));
                context.deliverNotifications("a binding reservation");
                if (slas.find(SLA).orElseThrow().reservations().size() != 1) {
                    throw new InvalidStateException("the binding reservation " + BINDING + " did not reach " + SLA);
                }
                context.moveTo(LocalDateTime.of(2025, 3, 5, 9, 0));
                slas.recordCompletion(NETWORK_CENTRE_MANAGER, SLA, march.get(0).reference());
                context.moveTo(LocalDateTime.of(2025, 3, 7, 9, 0));
                slas.recordCompletion(NETWORK_CENTRE_MANAGER, SLA, march.get(1).reference());
                context.moveTo(LocalDateTime.of(2025, 3, 10, 9, 0));
                slas.recordCompletion(NETWORK_CENTRE_MANAGER, SLA, march.get(2).reference());
                slas.recordCompletion(NETWORK_CENTRE_MANAGER, SLA, march.get(3).reference());
                context.moveTo(LocalDateTime.of(2025, 3, 18, 9, 0));
                slas.recordDocument(MARKETING_MANAGER, SLA, SlaDocumentKind.FAULT_ORDER, "FT-2025-031",
                        KeyAccountsChapter.DDN, "circuit " + march.get(0).reference() + " drops packets at night");
                context.moveTo(LocalDateTime.of(2025, 3, 19, 9, 0));
                slas.recordDocument(NETWORK_CENTRE_MANAGER, SLA, SlaDocumentKind.FAULT_RESULT, "FT-2025-031",
                        KeyAccountsChapter.DDN, "a faulty line card replaced; no loss since");
            }
            if (month == 6) {
                context.moveTo(LocalDateTime.of(2025, 6, 20, 9, 0));
                List<Integer> adsl = new ArrayList<>(java.util.Collections.nCopies(12, 10));
                for (int m = 6; m < 12; m++) {
                    adsl.set(m, 6);
                }
                slas.amend(MARKETING_MANAGER, GENERAL_MANAGER, SLA, ADSL, adsl,
                        "the industrial park's broadband opens a year late");
            }
        }
        if (refused == null) {
            throw new InvalidStateException("the class A limit was never tested");
        }
        MonthlyExecutionReport marchReport = slas.monthlyReport(SLA, YearMonth.of(2025, 3));
        CostSplit ddnCost = CostAllocation.productCostByVolumeShare(DDN_PRODUCT_COST, COST_SHARES);

        context.moveTo(LocalDateTime.of(2026, 1, 5, 9, 0));
        MonthlyExecutionReport issued = slas.issueMonthlyReport(NETWORK_CENTRE_MANAGER, SLA, YearMonth.of(2025, 12));
        AnnualEvaluation evaluation = slas.evaluate(GENERAL_MANAGER, SLA, DEVIATION_THRESHOLD);
        List<ProductCode> deviations = evaluation.products().stream()
                .filter(p -> p.deviation().compareTo(DEVIATION_THRESHOLD) > 0).map(ProductEvaluation::product).toList();
        ServiceLevelAgreementSnapshot expired = slas.expire(SLA);
        if (expired.state() != SlaState.EXPIRED) {
            throw new InvalidStateException("the SLA did not expire");
        }
        context.deliverNotifications("the SLA");
        ReservationSnapshot binding = resources.findReservation(BINDING).orElseThrow();
        List<ReservationEntry> book = slas.find(SLA).orElseThrow().reservations();

        out.paragraph("Each year the marketing service centre and the network centre sign an SLA: marketing forecasts "
                + "the volume of each product month by month, which does not bind the network centre, and orders in "
                + "service classes, whose provisioning time, price index and limits do. Keyline's rules: a class's "
                + "limit counts per SLA and product over a calendar month (A) or the SLA year (B, C); an order over it "
                + "is refused, never moved to a slower class; an amendment changes only months that have not begun, "
                + "with a reason and the general manager's approval, at most as often as the SLA permits. Everything "
                + "runs through ServiceLevelAgreements for " + SLA + ", signed by " + MARKETING_MANAGER.user()
                + " for the " + MarketingDepartment.GROUP_CUSTOMERS + " department and " + NETWORK_CENTRE_MANAGER.user()
                + " for the network centre of " + SeedMinimums.SUZHOU + ", approved by " + GENERAL_MANAGER.user() + ".");

        out.heading("The agreed volumes and the service classes");
        List<List<String>> agreed = new ArrayList<>();
        for (ServiceAgreement agreement : expired.agreements()) {
            agreed.add(List.of(agreement.product().value(), join(agreement.monthlyVolumes()),
                    String.valueOf(agreement.totalVolume()), agreement.expectedMinimum() + "–" + agreement.expectedMaximum(),
                    Figures.cny(agreement.unitPrice()), Figures.percent(agreement.discount())));
        }
        out.table("Service agreements of " + SLA + " (volumes January to December 2025, as drafted)",
                List.of("Product", "Agreed per month", "Year", "Expected", "Unit price (CNY)", "Discount"), agreed);
        List<List<String>> classes = new ArrayList<>();
        for (ServiceClassTerms terms : slas.classes().all()) {
            classes.add(List.of(terms.serviceClass().name(), String.valueOf(terms.days()),
                    terms.priceIndex().toPlainString() + "×", terms.isLimited()
                            ? terms.limit() + " per " + (terms.window().name().equals("CALENDAR_MONTH") ? "month" : "SLA year")
                            : "unlimited"));
        }
        out.table("Service classes (the seed's defaults)", List.of("Class", "Days", "Price index", "Limit"), classes);

        out.heading("Orders in March, and one refused");
        List<List<String>> orders = new ArrayList<>();
        for (SlaOrder order : march) {
            orders.add(List.of(order.reference(), order.product().value(), order.serviceClass().name(),
                    order.orderedOn().toString(), order.committedOn().toString(), Figures.cny(order.price())));
        }
        out.table("Orders accepted on 3 March 2025", List.of("Order", "Product", "Class", "Ordered", "Committed by",
                "Price (CNY)"), orders);
        out.paragraph("A second class A order of DDN in March is refused by ServiceLevelAgreements.acceptOrder with "
                + "ServiceClassLimitException (reason code KL-400), and nothing is saved:");
        out.preformatted(refused);
        List<List<String>> lines = new ArrayList<>();
        for (MonthlyReportLine line : marchReport.lines()) {
            lines.add(List.of(line.product().value(), String.valueOf(line.agreed()), String.valueOf(line.ordered()),
                    String.valueOf(line.reserved()), String.valueOf(line.provisionedOnTime()),
                    String.valueOf(line.provisionedLate())));
        }
        out.table("Monthly execution report, March 2025", List.of("Product", "Agreed", "Ordered", "Reserved (binding)",
                "Provisioned on time", "Late"), lines);

        out.heading("A binding reservation through the resources area");
        out.paragraph("On 3 March marketing reserved " + BINDING_PORTS + " DDN ports of pool " + ResourcesChapter.POOL
                + " for the SLA: a reservation of the resources area with purpose SLA, so binding (the pool gives its "
                + "ports to no one else), whose reference " + binding.reference() + " names the SLA and the product. "
                + "The relay delivered its resource.reservation-made to the SLA area's reaction, which recorded it on "
                + SLA + "; the March report counts it under DDN. It was held to the end of the year; when its expiry "
                + "timer fell due the reservation expired (" + binding.state() + ") and the reaction recorded the "
                + "release as well.");
        List<List<String>> booked = new ArrayList<>();
        for (ReservationEntry entry : book) {
            booked.add(List.of(entry.reference(), entry.product().value(), String.valueOf(entry.units()),
                    entry.change().name(), Figures.time(entry.at(), context.clock().getZone())));
        }
        out.table("Binding reservations on the books of " + SLA, List.of("Reservation", "Product", "Ports", "Change",
                "At"), booked);

        out.heading("Cost allocation");
        out.paragraph("DDN's product cost for 2025, " + Figures.cny(DDN_PRODUCT_COST) + " CNY, is split between the "
                + "three marketing departments 10/10/80 by CostAllocation.productCostByVolumeShare, with largest-remainder "
                + "rounding to the cent, so the parts always sum to the cost.");
        List<List<String>> allocated = new ArrayList<>();
        for (PartyAllocation part : ddnCost.allocations()) {
            allocated.add(List.of(part.party(), Figures.cny(part.amount())));
        }
        out.table("DDN product cost 2025 allocated 10/10/80", List.of("Department", "Amount (CNY)"), allocated);

        out.heading("The annual evaluation");
        out.paragraph("In June marketing amended the ADSL forecast from July on (amendment 1 of 2 permitted): "
                + expired.amendments().get(0).reason() + ". At year end the general manager evaluates the SLA; "
                + "forecast accuracy is max(0, 1 − Σ|ordered − agreed| / Σ agreed) over the twelve months, and a "
                + "product whose deviation passes " + Figures.percent(DEVIATION_THRESHOLD) + " raises "
                + ForecastDeviationExceeded.TYPE + " (this year: " + (deviations.isEmpty() ? "none" : deviations.toString()) + "). December's report was "
                + "issued too (" + issued.lines().size() + " products).");
        List<List<String>> evaluated = new ArrayList<>();
        for (ProductEvaluation product : evaluation.products()) {
            evaluated.add(List.of(product.product().value(), String.valueOf(product.agreedTotal()),
                    String.valueOf(product.actualTotal()), Figures.percent(product.accuracy()),
                    product.deviation().compareTo(DEVIATION_THRESHOLD) > 0 ? "yes" : "no"));
        }
        evaluated.add(List.of("all products", "", "", Figures.percent(evaluation.accuracy()), ""));
        out.table("Forecast accuracy of the group-customer department, 2025", List.of("Product", "Agreed", "Ordered",
                "Accuracy", "Deviation event"), evaluated);
        out.summary("SLA " + SLA + " in force for 2025; " + number + " orders, one class A order refused; a binding "
                + "reservation of " + BINDING_PORTS + " ports recorded through the resources area; forecast accuracy "
                + Figures.percent(evaluation.accuracy()).toLowerCase(Locale.ROOT) + " overall");
    }

    private static String join(List<Integer> volumes) {
        return String.join(" ", volumes.stream().map(String::valueOf).toList());
    }
}
