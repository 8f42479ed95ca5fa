package dev.keyline.benchmarks.storage;

import dev.keyline.domain.sla.OrderCompletion;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.Signature;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The SLA-order mix ({@link SlaOrderMix}) written by hand with plain JDBC into Keyline's schema.
 * The domain decides every value in memory, as on the Keyline side, and the program keeps the SLA
 * it drafted, so nothing is read back. Per command: the draft inserts the SLA row, its two
 * agreements in one batch and its event; every later command updates only the SLA columns it
 * changes (at least the version, with the version check), inserts the one entry it adds (a
 * signature, the order, the completion) and its event.
 */
public final class RawSlaOrder {

    static final String INSERT_SLA = "INSERT INTO keyline_sla (sla_id, department, network_id, first_month, months, "
            + "zone_id, change_frequency, liability, applicable_law, procedures, confidentiality, third_party_purchasing, "
            + "pricing_method, drafted_by, drafted_at, sla_state, approved_by, approved_at, ended_by, ended_at, end_reason, "
            + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_AGREEMENT = "INSERT INTO keyline_sla_agreement (sla_id, line_no, product_code, "
            + "monthly_volumes, expected_minimum, expected_maximum, unit_price, currency, differentiation, discount, qos, "
            + "penalties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_SIGNATURE = "INSERT INTO keyline_sla_signature (sla_id, line_no, party, signed_by, signed_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    static final String INSERT_ORDER = "INSERT INTO keyline_sla_order (sla_id, line_no, reference, product_code, "
            + "service_class, ordered_on, committed_on, price, currency, accepted_by, accepted_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_COMPLETION = "INSERT INTO keyline_sla_completion (sla_id, line_no, reference, completed_on, "
            + "on_time, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String BUMP = "UPDATE keyline_sla SET version = ? WHERE sla_id = ? AND version = ?";
    static final String STATE = "UPDATE keyline_sla SET sla_state = ?, version = ? WHERE sla_id = ? AND version = ?";
    static final String APPROVE = "UPDATE keyline_sla SET sla_state = ?, approved_by = ?, approved_at = ?, version = ? "
            + "WHERE sla_id = ? AND version = ?";

    private final RawJdbc jdbc;

    /**
     * The raw side on a pool of connections.
     *
     * @param dataSource the connections
     */
    public RawSlaOrder(DataSource dataSource) {
        this.jdbc = new RawJdbc(dataSource);
    }

    /**
     * Runs the six commands for SLA {@code n} in six transactions.
     *
     * @param n the SLA number
     * @throws SQLException when the database fails
     */
    public void run(long n) throws SQLException {
        run(n, SlaOrderMix.COMMANDS);
    }

    /**
     * Runs the first {@code count} commands of the mix for SLA {@code n}, each in a
     * transaction of its own.
     *
     * @param n the SLA number
     * @param count how many, 1 to {@link SlaOrderMix#COMMANDS}
     * @throws SQLException when the database fails
     */
    public void run(long n, int count) throws SQLException {
        ServiceLevelAgreement sla = SlaOrderMix.draft(n);
        String reference = SlaOrderMix.orderReference(n);
        jdbc.transactions(count, c -> {
            ServiceLevelAgreementSnapshot s = sla.snapshot();
            RawJdbc.update(c, INSERT_SLA, s.id(), s.department(), s.network(), s.term().firstMonth(), s.term().months(),
                    s.zone().getId(), s.changeFrequency(), s.terms().liability(), s.terms().applicableLaw(),
                    s.terms().procedures(), s.terms().confidentiality(), s.terms().thirdPartyPurchasingAllowed(),
                    s.terms().pricingMethod(), s.draftedBy(), s.draftedAt(), s.state(), s.approvedBy(), s.approvedAt(),
                    s.endedBy(), s.endedAt(), s.endReason(), 1L);
            sla.markSaved(1);
            List<Object[]> agreements = new ArrayList<>();
            for (ServiceAgreement a : sla.agreements()) {
                agreements.add(new Object[] {sla.id(), agreements.size() + 1, a.product(), a.monthlyVolumes().stream()
                        .map(String::valueOf).collect(Collectors.joining(" ")), a.expectedMinimum(), a.expectedMaximum(),
                        a.unitPrice().amount(), a.unitPrice().currency(), a.differentiation(), a.discount(), a.qos(),
                        a.penalties()});
            }
            RawJdbc.batch(c, INSERT_AGREEMENT, agreements);
            jdbc.outbox(c, sla.drainEvents());
        }, c -> {
            Signature g = sla.sign(SlaOrderMix.MARKETING, SlaParty.MARKETING, Fixture.NOW);
            RawJdbc.versioned(c, sla, BUMP);
            signature(c, sla, g);
        }, c -> {
            Signature g = sla.sign(SlaOrderMix.NETWORK_CENTRE, SlaParty.NETWORK_CENTRE, Fixture.NOW);
            RawJdbc.versioned(c, sla, STATE, sla.state());
            signature(c, sla, g);
        }, c -> {
            sla.approve(SlaOrderMix.GENERAL_MANAGER, Fixture.NOW);
            RawJdbc.versioned(c, sla, APPROVE, sla.state(), sla.approvedBy(), Fixture.NOW);
            jdbc.outbox(c, sla.drainEvents());
        }, c -> {
            SlaOrder o = sla.acceptOrder(SlaOrderMix.MARKETING, reference, SlaOrderMix.DDN, SlaOrderMix.CLASS,
                    SlaOrderMix.CLASSES, SlaOrderMix.CALENDAR, Fixture.NOW);
            RawJdbc.versioned(c, sla, BUMP);
            RawJdbc.update(c, INSERT_ORDER, sla.id(), sla.orders().size(), o.reference(), o.product(), o.serviceClass(),
                    o.orderedOn(), o.committedOn(), o.price().amount(), o.price().currency(), o.acceptedBy(), o.acceptedAt());
            jdbc.outbox(c, sla.drainEvents());
        }, c -> {
            OrderCompletion done = sla.recordCompletion(SlaOrderMix.NETWORK_CENTRE, reference, Fixture.NOW);
            RawJdbc.versioned(c, sla, BUMP);
            RawJdbc.update(c, INSERT_COMPLETION, sla.id(), sla.completions().size(), done.reference(), done.completedOn(),
                    done.onTime(), done.reportedBy(), done.reportedAt());
            jdbc.outbox(c, sla.drainEvents());
        });
    }

    private void signature(Connection c, ServiceLevelAgreement sla, Signature g) throws SQLException {
        RawJdbc.update(c, INSERT_SIGNATURE, sla.id(), sla.signatures().size(), g.party(), g.signedBy(), g.signedAt());
        jdbc.outbox(c, sla.drainEvents());
    }
}
