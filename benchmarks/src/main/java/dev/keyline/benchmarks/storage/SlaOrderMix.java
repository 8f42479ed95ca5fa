package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.sla.MarketingDepartment;
import dev.keyline.domain.sla.PricingMethod;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceClass;
import dev.keyline.domain.sla.ServiceClassTable;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.SlaId;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.domain.sla.SlaTerm;
import dev.keyline.domain.sla.SlaTerms;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.sla.ServiceLevelAgreements;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

/**
 * The SLA-order command mix of the SLA area, the same on every side: SLA {@code n} (two products
 * for 2026) is drafted, signed for marketing, signed for the network centre, approved, takes an
 * order in service class D, and the order is reported completed. Six commands, six transactions,
 * one event each; the SLA goes from draft to in force and its order from accepted to completed.
 * Each SLA is new: an SLA's collections only grow, so taking every order on one SLA would make each
 * command's load longer than the one before.
 *
 * <p>The Keyline side runs each command through the SLA service ({@link ServiceLevelAgreements}) as
 * a host would: it loads the SLA, the domain checks the actor, and the SLA is saved with the version
 * check and its event written to the outbox in the same transaction.
 */
public final class SlaOrderMix {

    /** Commands per SLA. */
    public static final int COMMANDS = 6;

    /** The marketing manager: drafts, signs for marketing, places the order. */
    public static final Actor MARKETING = Actor.withRoles(new UserId("ma"), Role.MARKETING_MANAGER);

    /** The network centre's manager: signs for it, reports the completion. */
    public static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("nc"), Role.NETWORK_CENTRE_MANAGER);

    /** The general manager: approves. */
    public static final Actor GENERAL_MANAGER = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);

    /** The product ordered. */
    public static final ProductCode DDN = new ProductCode("DDN");

    /** The class the order is taken in: unlimited, so no limit warning is raised. */
    public static final ServiceClass CLASS = ServiceClass.D;

    /** The SLA's period. */
    public static final SlaTerm TERM = SlaTerm.year(2026);

    /** The network centre's local network. */
    public static final LocalNetworkId NETWORK = new LocalNetworkId("SZ");

    /** The zone the SLA reckons its dates in: the runtime's. */
    public static final ZoneId ZONE = ZoneId.of(Keyline.DEFAULT_ZONE_ID);

    /** The service classes: the seed's, as the service uses by default. */
    public static final ServiceClassTable CLASSES = ServiceClassTable.seedDefaults();

    /** The calendar: every day counts, in the runtime's zone, as the service uses by default. */
    public static final BusinessCalendar CALENDAR = BusinessCalendar.allDays(ZONE);

    /** The general and governing terms. */
    public static final SlaTerms TERMS = new SlaTerms("the network centre answers for provisioning within the class's days",
            "the law of the People's Republic of China", "orders by electronic work order; monthly settlement",
            "volumes and prices are confidential", false, PricingMethod.PRICE_BASED);

    /** One agreement per product. */
    public static final List<ServiceAgreement> AGREEMENTS = List.of(
            new ServiceAgreement(DDN, List.of(3, 4, 3, 5, 4, 5, 5, 4, 5, 4, 3, 5), 40, 60, Money.cny("1000.00"),
                    "same price city-wide", new BigDecimal("0.05"), "99.9 % availability",
                    "1 % of the month's price per hour of outage"),
            new ServiceAgreement(new ProductCode("FR"), Collections.nCopies(12, 2), 0, 30, Money.cny("500.00"), "none",
                    BigDecimal.ZERO, "99.5 % availability", "none"));

    private final ServiceLevelAgreements slas;

    /**
     * The Keyline side on a fixture's runtime.
     *
     * @param fixture the fixture
     */
    public SlaOrderMix(Fixture fixture) {
        this.slas = ServiceLevelAgreements.on(fixture.keyline());
    }

    /** The id of SLA {@code n}. */
    public static SlaId slaId(long n) {
        return new SlaId(Ids.padded("SLA-", n));
    }

    /** The reference of SLA {@code n}'s order. */
    public static String orderReference(long n) {
        return ProvisioningMix.orderId(n);
    }

    /**
     * SLA {@code n} as the domain drafts it at {@link Fixture#NOW}, its event pending.
     *
     * @param n the SLA number
     * @return the draft
     */
    public static ServiceLevelAgreement draft(long n) {
        return ServiceLevelAgreement.draft(slaId(n), MarketingDepartment.GROUP_CUSTOMERS, NETWORK, TERM, ZONE, 2, TERMS,
                AGREEMENTS, MARKETING, Fixture.NOW);
    }

    /**
     * Runs the six commands for SLA {@code n}.
     *
     * @param n the SLA number
     */
    public void run(long n) {
        run(n, COMMANDS);
    }

    /**
     * Runs the first {@code commands} commands of the mix for number {@code n}, so that a test can
     * compare the rows of every stage the aggregate passes through.
     *
     * @param n the number
     * @param commands how many, 1 to {@link #COMMANDS}
     */
    public void run(long n, int commands) {
        SlaId id = slaId(n);
        List<Runnable> mix = List.of(
                () -> slas.draft(MARKETING, id, MarketingDepartment.GROUP_CUSTOMERS, NETWORK, TERM, 2, TERMS, AGREEMENTS),
                () -> slas.sign(MARKETING, id, SlaParty.MARKETING),
                () -> slas.sign(NETWORK_CENTRE, id, SlaParty.NETWORK_CENTRE),
                () -> slas.approve(GENERAL_MANAGER, id),
                () -> slas.acceptOrder(MARKETING, id, orderReference(n), DDN, CLASS),
                () -> slas.recordCompletion(NETWORK_CENTRE, id, orderReference(n)));
        mix.subList(0, commands).forEach(Runnable::run);
    }
}
