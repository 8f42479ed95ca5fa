package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.sla.AnnualEvaluation;
import dev.keyline.domain.sla.CostAllocation;
import dev.keyline.domain.sla.CostSplit;
import dev.keyline.domain.sla.ForecastDeviationExceeded;
import dev.keyline.domain.sla.MonthlyExecutionReport;
import dev.keyline.domain.sla.MonthlyReportLine;
import dev.keyline.domain.sla.PartyAllocation;
import dev.keyline.domain.sla.ProductEvaluation;
import dev.keyline.domain.sla.ReservationEntry;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassLimitException;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaDocumentKind;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaReservationReference;
import dev.keyline.domain.sla.SlaState;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.keyline.domain.resource.ResourceType;

/**
 * The SLA's year, 2025, through the runtime's {@link ServiceLevelAgreements} service: marketing
 * orders DDN, frame relay and ADSL in several service classes month by month, and a second class A
 * order of DDN in March is refused over its class's limit; the documents of the information flow;
 * an amendment of the ADSL forecast; the monthly execution report of March, which counts a binding
 * reservation made through the resources area from the DDN pool the network centre opens at the
 * start of the year; the annual evaluation with its forecast accuracy; DDN's product cost allocated
 * 10/10/80. The SLA itself is drafted, signed and approved in {@link SlaChapter}.
 */
public final class SlaOrdersChapter implements DemoChapter {

    /** When the network centre opens the DDN pool the year's reservations draw on: 2 January 2025. */
    public static final LocalDateTime POOL_OPENED = LocalDateTime.of(2025, 1, 2, 9, 0);

    private static final Instant END_OF_YEAR = LocalDateTime.of(2025, 12, 31, 18, 0).atZone(Demo.ZONE).toInstant();

    /** An SLA orders chapter. */
    public SlaOrdersChapter() {
    }

    @Override
    public String title() {
        return "Orders in service classes";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        ServiceLevelAgreements slas = ServiceLevelAgreements.on(context.keyline());
        ResourcePools resources = ResourcePools.on(context.keyline());
        AccountId national = KeyAccountsChapter.planAccount(Reclassifications.on(context.keyline())).account();

        context.moveTo(POOL_OPENED);
        resources.openPool(ResourcesChapter.NETWORK_CENTRE, ResourcesChapter.POOL, ResourceType.DDN_PORT,
                ResourcesChapter.LOCATION, ResourcesChapter.CAPACITY, ResourcesChapter.COOL_DOWN);
        String refused = null;
        List<SlaOrder> march = new ArrayList<>();
        int number = 0;
        for (int month = 1; month <= 12; month++) {
            context.moveTo(LocalDateTime.of(2025, month, 3, 9, 0));
            boolean showcase = month == 3;
            for (int i = 0; i < SlaChapter.DDN_ORDERED.get(month - 1); i++) {
                ServiceClass serviceClass = showcase ? (i == 0 ? ServiceClass.A : ServiceClass.B) : ServiceClass.D;
                SlaOrder order = slas.acceptOrder(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, "WO-" + ++number, KeyAccountsChapter.DDN, serviceClass);
                if (showcase) {
                    march.add(order);
                }
                if (showcase && i == 0) {
                    try {
                        slas.acceptOrder(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, "WO-A-2", KeyAccountsChapter.DDN, ServiceClass.A);
                        throw new InvalidStateException("a second class A order of DDN in one month was accepted");
                    } catch (ServiceClassLimitException e) {
                        refused = e.getMessage();
                    }
                }
            }
            for (int i = 0; i < SlaChapter.FR_ORDERED.get(month - 1); i++) {
                SlaOrder order = slas.acceptOrder(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, "WO-" + ++number, SlaChapter.FR,
                        showcase ? ServiceClass.C : ServiceClass.E);
                if (showcase) {
                    march.add(order);
                }
            }
            for (int i = 0; i < SlaChapter.ADSL_ORDERED.get(month - 1); i++) {
                slas.acceptOrder(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, "WO-" + ++number, SlaChapter.ADSL, ServiceClass.E);
            }
            if (month == 2) {
                context.moveTo(LocalDateTime.of(2025, 2, 20, 9, 0));
                slas.recordDocument(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, SlaDocumentKind.RESOURCE_REQUIREMENT, "REQ-2025-03", KeyAccountsChapter.DDN,
                        "three DDN circuits for the bank's branches in March, one of them within two days");
                context.moveTo(LocalDateTime.of(2025, 2, 21, 9, 0));
                slas.recordDocument(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, SlaDocumentKind.RESOURCE_FEEDBACK, "REQ-2025-03",
                        KeyAccountsChapter.DDN, "ports free at the Gusu exchange; the urgent one can be turned up in class A");
                context.moveTo(LocalDateTime.of(2025, 2, 24, 9, 0));
                slas.recordDocument(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, SlaDocumentKind.RESOURCE_CONFIRMATION, "REQ-2025-03",
                        KeyAccountsChapter.DDN, "confirmed: one in class A, two in class B");
            }
            if (showcase) {
                Instant now = context.clock().instant();
                String reference = new SlaReservationReference(SlaChapter.SLA, KeyAccountsChapter.DDN).text();
                resources.reserve(SlaChapter.MARKETING_MANAGER, ResourcesChapter.POOL, SlaChapter.BINDING, new ReservationTerms(national,
                        ReservationPurpose.SLA, reference, SlaChapter.BINDING_PORTS, now, END_OF_YEAR, END_OF_YEAR));
                context.deliverNotifications("a binding reservation");
                if (slas.find(SlaChapter.SLA).orElseThrow().reservations().size() != 1) {
                    throw new InvalidStateException("the binding reservation " + SlaChapter.BINDING + " did not reach " + SlaChapter.SLA);
                }
                context.moveTo(LocalDateTime.of(2025, 3, 5, 9, 0));
                slas.recordCompletion(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, march.get(0).reference());
                context.moveTo(LocalDateTime.of(2025, 3, 7, 9, 0));
                slas.recordCompletion(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, march.get(1).reference());
                context.moveTo(LocalDateTime.of(2025, 3, 10, 9, 0));
                slas.recordCompletion(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, march.get(2).reference());
                slas.recordCompletion(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, march.get(3).reference());
                context.moveTo(LocalDateTime.of(2025, 3, 18, 9, 0));
                slas.recordDocument(SlaChapter.MARKETING_MANAGER, SlaChapter.SLA, SlaDocumentKind.FAULT_ORDER, "FT-2025-031",
                        KeyAccountsChapter.DDN, "circuit " + march.get(0).reference() + " drops packets at night");
                context.moveTo(LocalDateTime.of(2025, 3, 19, 9, 0));
                slas.recordDocument(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, SlaDocumentKind.FAULT_RESULT, "FT-2025-031",
                        KeyAccountsChapter.DDN, "a faulty line card replaced; no loss since");
            }
            if (month == 6) {
                context.moveTo(LocalDateTime.of(2025, 6, 20, 9, 0));
                List<Integer> adsl = new ArrayList<>(java.util.Collections.nCopies(12, 10));
                for (int m = 6; m < 12; m++) {
                    adsl.set(m, 6);
                }
                slas.amend(SlaChapter.MARKETING_MANAGER, SlaChapter.GENERAL_MANAGER, SlaChapter.SLA, SlaChapter.ADSL, adsl,
                        "the industrial park's broadband opens a year late");
            }
        }
        if (refused == null) {
            throw new InvalidStateException("the class A limit was never tested");
        }
        MonthlyExecutionReport marchReport = slas.monthlyReport(SlaChapter.SLA, YearMonth.of(2025, 3));
        CostSplit ddnCost = CostAllocation.productCostByVolumeShare(SlaChapter.DDN_PRODUCT_COST, SlaChapter.COST_SHARES);

        context.moveTo(LocalDateTime.of(2026, 1, 5, 9, 0));
        MonthlyExecutionReport issued = slas.issueMonthlyReport(SlaChapter.NETWORK_CENTRE_MANAGER, SlaChapter.SLA, YearMonth.of(2025, 12));
        AnnualEvaluation evaluation = slas.evaluate(SlaChapter.GENERAL_MANAGER, SlaChapter.SLA, SlaChapter.DEVIATION_THRESHOLD);
        List<ProductCode> deviations = evaluation.products().stream()
                .filter(p -> p.deviation().compareTo(SlaChapter.DEVIATION_THRESHOLD) > 0).map(ProductEvaluation::product).toList();
        ServiceLevelAgreementSnapshot expired = slas.expire(SlaChapter.SLA);
        if (expired.state() != SlaState.EXPIRED) {
            throw new InvalidStateException("the SLA did not expire");
        }
        context.deliverNotifications("the SLA");
        ReservationSnapshot binding = resources.findReservation(SlaChapter.BINDING).orElseThrow();
        List<ReservationEntry> book = slas.find(SlaChapter.SLA).orElseThrow().reservations();

        out.paragraph("Through 2025 marketing orders under " + SlaChapter.SLA + " in the service classes the SLA defines; "
                + "the network centre opened pool " + ResourcesChapter.POOL + " of " + ResourcesChapter.CAPACITY
                + " DDN ports at " + ResourcesChapter.LOCATION + " on " + POOL_OPENED.toLocalDate()
                + ", from which the SLA's binding reservation is drawn.");
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
        out.paragraph("On 3 March marketing reserved " + SlaChapter.BINDING_PORTS + " DDN ports of pool " + ResourcesChapter.POOL
                + " for the SLA: a reservation of the resources area with purpose SLA, so binding (the pool gives its "
                + "ports to no one else), whose reference " + binding.reference() + " names the SLA and the product. "
                + "The relay delivered its resource.reservation-made to the SLA area's reaction, which recorded it on "
                + SlaChapter.SLA + "; the March report counts it under DDN. It was held to the end of the year; when its expiry "
                + "timer fell due the reservation expired (" + binding.state() + ") and the reaction recorded the "
                + "release as well.");
        List<List<String>> booked = new ArrayList<>();
        for (ReservationEntry entry : book) {
            booked.add(List.of(entry.reference(), entry.product().value(), String.valueOf(entry.units()),
                    entry.change().name(), Figures.time(entry.at(), context.clock().getZone())));
        }
        out.table("Binding reservations on the books of " + SlaChapter.SLA, List.of("Reservation", "Product", "Ports", "Change",
                "At"), booked);

        out.heading("Cost allocation");
        out.paragraph("DDN's product cost for 2025, " + Figures.cny(SlaChapter.DDN_PRODUCT_COST) + " CNY, is split between the "
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
                + "product whose deviation passes " + Figures.percent(SlaChapter.DEVIATION_THRESHOLD) + " raises "
                + ForecastDeviationExceeded.TYPE + " (this year: " + (deviations.isEmpty() ? "none" : deviations.toString()) + "). December's report was "
                + "issued too (" + issued.lines().size() + " products).");
        List<List<String>> evaluated = new ArrayList<>();
        for (ProductEvaluation product : evaluation.products()) {
            evaluated.add(List.of(product.product().value(), String.valueOf(product.agreedTotal()),
                    String.valueOf(product.actualTotal()), Figures.percent(product.accuracy()),
                    product.deviation().compareTo(SlaChapter.DEVIATION_THRESHOLD) > 0 ? "yes" : "no"));
        }
        evaluated.add(List.of("all products", "", "", Figures.percent(evaluation.accuracy()), ""));
        out.table("Forecast accuracy of the group-customer department, 2025", List.of("Product", "Agreed", "Ordered",
                "Accuracy", "Deviation event"), evaluated);
        out.summary("SLA " + SlaChapter.SLA + " in force for 2025; " + number + " orders, one class A order refused; a binding "
                + "reservation of " + SlaChapter.BINDING_PORTS + " ports recorded through the resources area; forecast accuracy "
                + Figures.percent(evaluation.accuracy()).toLowerCase(Locale.ROOT) + " overall");
    }

    private static String join(List<Integer> volumes) {
        return String.join(" ", volumes.stream().map(String::valueOf).toList());
    }
}
