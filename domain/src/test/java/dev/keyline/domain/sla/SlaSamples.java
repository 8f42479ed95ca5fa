package dev.keyline.domain.sla;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The sample SLA of the tests: the group-customer department and the Suzhou network centre for
 * 2026, with DDN (3 4 3 5 4 5 5 4 5 4 3 5 = 50, 1000.00 a circuit, 5 % discount) and FR
 * (2 a month, 500.00, no discount), two amendments permitted, reckoned in Asia/Shanghai.
 */
public final class SlaSamples {

    /** The zone of the samples. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The calendar of the samples: every day counts. */
    public static final BusinessCalendar CALENDAR = BusinessCalendar.allDays(ZONE);
    /** When the sample SLA is drafted: 1 December 2025, 09:00 in Shanghai. */
    public static final Instant DRAFTED = at(2025, 12, 1);
    /** The Suzhou local network. */
    public static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    /** DDN circuits. */
    public static final ProductCode DDN = new ProductCode("DDN");
    /** Frame relay. */
    public static final ProductCode FR = new ProductCode("FR");
    /** The DDN volumes of the seed. */
    public static final List<Integer> DDN_VOLUMES = List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 5);
    /** The marketing service centre's manager. */
    public static final Actor MARKETING = Actor.withRoles(new UserId("ma"), Role.MARKETING_MANAGER);
    /** The network centre's manager. */
    public static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("nc"), Role.NETWORK_CENTRE_MANAGER);
    /** The general manager. */
    public static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    /** An account manager. */
    public static final Actor ACCOUNT_MANAGER = Actor.accountManager(new UserId("wang"));

    private SlaSamples() {
    }

    /**
     * 09:00 in Shanghai on a date.
     *
     * @param year the year
     * @param month the month
     * @param day the day
     * @return the instant
     */
    public static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(9, 0).atZone(ZONE).toInstant();
    }

    /**
     * The sample terms.
     *
     * @return the terms
     */
    public static SlaTerms terms() {
        return new SlaTerms("the network centre answers for provisioning within the class's days",
                "the law of the People's Republic of China", "orders by electronic work order; monthly settlement",
                "volumes and prices are confidential", false, PricingMethod.PRICE_BASED);
    }

    /**
     * The sample agreements for a term of {@code months} months: DDN's volumes (the first months of
     * the seed's) and FR at 2 a month.
     *
     * @param months the term's months
     * @return the agreements
     */
    public static List<ServiceAgreement> agreements(int months) {
        return List.of(
                new ServiceAgreement(DDN, DDN_VOLUMES.subList(0, months), 40, 60, Money.cny("1000.00"), "same price city-wide",
                        new BigDecimal("0.05"), "99.9 % availability", "1 % of the month's price per hour of outage"),
                new ServiceAgreement(FR, java.util.Collections.nCopies(months, 2), 0, 30, Money.cny("500.00"), "none",
                        BigDecimal.ZERO, "99.5 % availability", "none"));
    }

    /**
     * A fresh draft of the sample SLA for 2026.
     *
     * @param id its id
     * @return the draft, its drafting event pending
     */
    public static ServiceLevelAgreement draft(SlaId id) {
        return draft(id, SlaTerm.year(2026), 2);
    }

    /**
     * A fresh draft of the sample SLA.
     *
     * @param id its id
     * @param term its period
     * @param changeFrequency the amendments it permits
     * @return the draft
     */
    public static ServiceLevelAgreement draft(SlaId id, SlaTerm term, int changeFrequency) {
        return ServiceLevelAgreement.draft(id, MarketingDepartment.GROUP_CUSTOMERS, SUZHOU, term, ZONE, changeFrequency,
                terms(), agreements(term.months()), MARKETING, DRAFTED);
    }

    /**
     * The sample SLA for 2026, signed by both parties and approved.
     *
     * @param id its id
     * @return the SLA in force
     */
    public static ServiceLevelAgreement inForce(SlaId id) {
        ServiceLevelAgreement sla = draft(id);
        sla.sign(MARKETING, SlaParty.MARKETING, DRAFTED.plusSeconds(60));
        sla.sign(NETWORK_CENTRE, SlaParty.NETWORK_CENTRE, DRAFTED.plusSeconds(120));
        sla.approve(GENERAL_MANAGER, DRAFTED.plusSeconds(180));
        return sla;
    }
}
