package dev.keyline.benchmarks.storage.orm;

import dev.keyline.benchmarks.storage.Fixture;
import dev.keyline.benchmarks.storage.SlaOrderMix;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.sla.OrderCompletion;
import dev.keyline.domain.sla.ServiceAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreement;
import dev.keyline.domain.sla.ServiceLevelAgreementSnapshot;
import dev.keyline.domain.sla.Signature;
import dev.keyline.domain.sla.SlaOrder;
import dev.keyline.domain.sla.SlaParty;
import dev.keyline.json.KeylineJson;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The SLA-order mix ({@link SlaOrderMix}) through JPA entities with Hibernate: one session and
 * transaction per command. The domain decides every value in memory, as on the other sides, and
 * the program keeps the SLA it drafted, so nothing is read back for the domain's sake; but a
 * host's code has no other way to change an entity than to load it, so every command after the
 * draft first finds the SLA's row by id.
 *
 * <ul>
 *   <li>Draft: persists the SLA's row (version 1), its two agreements and its event; the flush
 *       inserts the SLA, the agreements in one batch and the event: three statements, as on the raw
 *       side.
 *   <li>Sign for marketing, accept the order, report its completion: only a child row is added,
 *       so the SLA is found with {@code OPTIMISTIC_FORCE_INCREMENT} (the aggregate's version moves
 *       with its children, as on the other sides); the new signature, order or completion row and
 *       the event are persisted, and the flush inserts them and then sends the same version-only
 *       update as the raw side. Four statements: the raw side's three and the select.
 *   <li>Sign for the network centre (the SLA becomes signed) and approve: the SLA's own columns
 *       change, so the SLA is found plainly, changed through its mutators, and the flush writes a
 *       versioned update of every column of its row (the raw side sets only the changed ones),
 *       after the signature row, if any, and the event. Four and three statements: the raw side's
 *       and the select.
 * </ul>
 *
 * <p>So the six commands send 22 statements against the raw side's 17: a select per command after
 * the draft, which the raw side, keeping its SLA, skips. Hibernate also sends each single row as a
 * JDBC batch of one, where the raw side executes it as one update.
 */
public final class HibernateSlaOrder {

    private final SessionFactory sessions;
    private final KeylineJson json = KeylineJson.create();

    /**
     * The Hibernate side.
     *
     * @param sessions the session factory
     */
    public HibernateSlaOrder(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs the six commands for SLA {@code n} in six sessions and transactions.
     *
     * @param n the SLA number
     */
    public void run(long n) {
        run(n, SlaOrderMix.COMMANDS);
    }

    /**
     * Runs the first {@code count} commands of the mix for SLA {@code n}, each in a session and
     * transaction of its own.
     *
     * @param n the SLA number
     * @param count how many, 1 to {@link SlaOrderMix#COMMANDS}
     */
    public void run(long n, int count) {
        ServiceLevelAgreement sla = SlaOrderMix.draft(n);
        String id = sla.id().value();
        String reference = SlaOrderMix.orderReference(n);
        List<Consumer<Session>> commands = List.of(s -> draft(s, sla), s -> {
            Signature g = sla.sign(SlaOrderMix.MARKETING, SlaParty.MARKETING, Fixture.NOW);
            s.find(SlaEntity.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            signature(s, sla, g);
        }, s -> {
            Signature g = sla.sign(SlaOrderMix.NETWORK_CENTRE, SlaParty.NETWORK_CENTRE, Fixture.NOW);
            s.find(SlaEntity.class, id).state(sla.state().name());
            signature(s, sla, g);
        }, s -> {
            sla.approve(SlaOrderMix.GENERAL_MANAGER, Fixture.NOW);
            s.find(SlaEntity.class, id).approved(sla.state().name(), sla.approvedBy().orElseThrow().value(),
                    Fixture.NOW);
            events(s, sla);
        }, s -> {
            SlaOrder o = sla.acceptOrder(SlaOrderMix.MARKETING, reference, SlaOrderMix.DDN, SlaOrderMix.CLASS,
                    SlaOrderMix.CLASSES, SlaOrderMix.CALENDAR, Fixture.NOW);
            s.find(SlaEntity.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            s.persist(new SlaOrderEntity(new ChildKey(id, sla.orders().size()), o.reference(),
                    o.product().value(), o.serviceClass().name(), o.orderedOn(), o.committedOn(), o.price().amount(),
                    o.price().currency().getCurrencyCode(), o.acceptedBy().value(), o.acceptedAt()));
            events(s, sla);
        }, s -> {
            OrderCompletion done = sla.recordCompletion(SlaOrderMix.NETWORK_CENTRE, reference, Fixture.NOW);
            s.find(SlaEntity.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            s.persist(new SlaCompletionEntity(new ChildKey(id, sla.completions().size()), done.reference(),
                    done.completedOn(), done.onTime(), done.reportedBy().value(), done.reportedAt()));
            events(s, sla);
        });
        for (Consumer<Session> command : commands.subList(0, count)) {
            sessions.inTransaction(command);
        }
    }

    private void draft(Session s, ServiceLevelAgreement sla) {
        ServiceLevelAgreementSnapshot d = sla.snapshot();
        String id = d.id().value();
        s.persist(new SlaEntity(id, d.department().value(), d.network().value(), d.term().firstMonth().toString(),
                d.term().months(), d.zone().getId(), d.changeFrequency(), d.terms().liability(),
                d.terms().applicableLaw(), d.terms().procedures(), d.terms().confidentiality(),
                d.terms().thirdPartyPurchasingAllowed(), d.terms().pricingMethod().name(), d.draftedBy().value(),
                d.draftedAt(), d.state().name()));
        int line = 0;
        for (ServiceAgreement a : d.agreements()) {
            s.persist(new SlaAgreementEntity(new ChildKey(id, ++line), a.product().value(),
                    a.monthlyVolumes().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    a.expectedMinimum(), a.expectedMaximum(), a.unitPrice().amount(),
                    a.unitPrice().currency().getCurrencyCode(), a.differentiation(), a.discount(), a.qos(),
                    a.penalties()));
        }
        events(s, sla);
    }

    private void signature(Session s, ServiceLevelAgreement sla, Signature g) {
        s.persist(new SlaSignatureEntity(new ChildKey(sla.id().value(), sla.signatures().size()),
                g.party().name(), g.signedBy().value(), g.signedAt()));
        events(s, sla);
    }

    private void events(Session s, ServiceLevelAgreement sla) {
        for (DomainEvent event : sla.drainEvents()) {
            s.persist(OutboxEntity.of(event, json));
        }
    }
}
