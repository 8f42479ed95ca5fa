package dev.keyline.benchmarks.storage.orm;

import dev.keyline.benchmarks.storage.Fixture;
import dev.keyline.benchmarks.storage.ProvisioningMix;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.json.KeylineJson;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Provisioning orders ({@link ProvisioningMix}) written through JPA entities with Hibernate: the
 * domain computes each order, its row, stage rows, predecessor rows and event become entities, and
 * a session persists them with a flush and clear every {@link Orm#BATCH_SIZE} orders (bulk), or
 * the mix's three commands run one session each ({@link #run(long)}).
 */
public final class HibernateProvisioning {

    private final SessionFactory sessions;
    private final KeylineJson json = KeylineJson.create();

    /**
     * The Hibernate side.
     *
     * @param sessions the session factory
     */
    public HibernateProvisioning(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Inserts orders {@code from} to {@code to - 1} in one transaction.
     *
     * @param from the first order number
     * @param to after the last
     */
    public void insertAll(long from, long to) {
        sessions.inTransaction(s -> {
            int inBatch = 0;
            for (long n = from; n < to; n++) {
                persist(s, ProvisioningMix.open(n));
                if (++inBatch == Orm.BATCH_SIZE) {
                    s.flush();
                    s.clear();
                    inBatch = 0;
                }
            }
        });
    }

    /**
     * Runs the provisioning mix's three commands for order {@code n} ({@link ProvisioningMix}: open
     * an order of six stages, start stage 1, complete it), one session and transaction each. The
     * domain computes the order in memory, as on the other sides; opening persists its entities,
     * and each later command loads the order's row (with {@code OPTIMISTIC_FORCE_INCREMENT}, as the
     * aggregate's version moves with a stage's change) and the changed stage's row by id (a host's
     * code has no other way to change an entity), sets what the domain computed and lets the flush
     * write the versioned update of the order, the update of the stage and the event.
     *
     * @param n the order number
     */
    public void run(long n) {
        ProvisioningOrder order = ProvisioningMix.open(n);
        sessions.inTransaction(s -> persist(s, order));
        List<StageProgress> before = order.stages();
        order.start(ProvisioningMix.FIRST, ProvisioningMix.CALENDAR, Fixture.NOW);
        List<StageProgress> started = order.stages();
        sessions.inTransaction(s -> change(s, order, before));
        order.complete(ProvisioningMix.FIRST, Fixture.NOW);
        sessions.inTransaction(s -> change(s, order, started));
    }

    /** Writes what a command changed: the order's row, the stage rows that differ from {@code before}, the events. */
    private void change(Session s, ProvisioningOrder order, List<StageProgress> before) {
        String id = order.id().value();
        // the order is the aggregate: its version moves with every change, a stage's too
        s.find(ProvisioningOrderEntity.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT)
                .changed(order.state().name(), order.lastChangedAt());
        List<StageProgress> after = order.stages();
        for (int i = 0; i < after.size(); i++) {
            StageProgress p = after.get(i);
            if (!p.equals(before.get(i))) {
                s.find(ProvisioningStageEntity.class, new ChildKey(id, i + 1)).progress(
                        p.state().name(), p.startedAt(), p.heldSince(), p.heldTime().toNanos(), p.warningAt(), p.due(),
                        p.warned(), p.escalated(), p.doneAt());
            }
        }
        for (DomainEvent event : order.drainEvents()) {
            s.persist(OutboxEntity.of(event, json));
        }
    }

    private void persist(Session s, ProvisioningOrder order) {
        ProvisioningParties p = order.parties();
        String id = order.id().value();
        s.persist(new ProvisioningOrderEntity(id, p.account().value(), p.product().value(), p.originatingUnit().value(),
                p.accountManager().value(), p.itSupport().value(), order.start(), order.committedCompletion(),
                order.warningShare(), order.state().name(), order.lastChangedAt()));
        int line = 0;
        for (StageProgress stage : order.stages()) {
            StageAssignment a = stage.assignment();
            s.persist(new ProvisioningStageEntity(new ChildKey(id, ++line), stage.stage().value(),
                    stage.planned().toNanos(), a.station().value(), a.unit().value(), a.stationManager().value(),
                    a.executor().value(), stage.state().name(), stage.warningAt(), stage.due()));
        }
        line = 0;
        for (PlannedStage stage : order.plan().stages()) {
            for (StageId predecessor : stage.after()) {
                s.persist(new ProvisioningStageAfterEntity(new ChildKey(id, ++line),
                        stage.id().value(), predecessor.value()));
            }
        }
        for (DomainEvent event : order.drainEvents()) {
            s.persist(OutboxEntity.of(event, json));
        }
    }
}
