package dev.keyline.examples.demo;

import dev.keyline.domain.account.SeedMinimums;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.sla.AllocationShare;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClassTerms;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaState;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA (服务水平协议) between the group-customer department and Suzhou's network centre for 2025,
 * through the runtime's {@link ServiceLevelAgreements} service, in December 2024: drafted with the
 * agreed monthly volumes, signed by both parties and approved, so that it is in force. The year's
 * orders, documents, amendment, reports and evaluation follow in {@link SlaOrdersChapter}; this
 * class holds the constants both chapters share.
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
        ServiceLevelAgreementSnapshot approved = slas.approve(GENERAL_MANAGER, SLA);

        if (approved.state() != SlaState.IN_FORCE) {
            throw new InvalidStateException("the approved SLA is " + approved.state());
        }
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
        for (ServiceAgreement agreement : approved.agreements()) {
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

        out.summary("SLA " + SLA + " for 2025 with " + approved.agreements().size() + " products, signed by "
                + MARKETING_MANAGER.user() + " for marketing and " + NETWORK_CENTRE_MANAGER.user()
                + " for the network centre, approved by " + GENERAL_MANAGER.user() + " and in force");
    }

    private static String join(List<Integer> volumes) {
        return String.join(" ", volumes.stream().map(String::valueOf).toList());
    }
}
