package dev.keyline.benchmarks.storage.orm;

import dev.keyline.benchmarks.storage.ProvisioningMix;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.workorder.PlannedStage;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningParties;
import dev.keyline.domain.workorder.StageAssignment;
import dev.keyline.domain.workorder.StageId;
import dev.keyline.domain.workorder.StageProgress;
import dev.keyline.json.KeylineJson;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Provisioning orders ({@link ProvisioningMix}) written through JPA entities with Hibernate: the
 * domain computes each order, its row, stage rows, predecessor rows and event become entities, and
 * a session persists them with a flush and clear every {@link Orm#BATCH_SIZE} orders.
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

    private void persist(Session s, ProvisioningOrder order) {
        ProvisioningParties p = order.parties();
        String id = order.id().value();
        s.persist(new ProvisioningOrderEntity(id, p.account().value(), p.product().value(), p.originatingUnit().value(),
                p.accountManager().value(), p.itSupport().value(), order.start(), order.committedCompletion(),
                order.warningShare(), order.state().name(), order.lastChangedAt()));
        int line = 0;
        for (StageProgress stage : order.stages()) {
            StageAssignment a = stage.assignment();
            s.persist(new ProvisioningStageEntity(new ProvisioningStageEntity.LineKey(id, ++line), stage.stage().value(),
                    stage.planned().toNanos(), a.station().value(), a.unit().value(), a.stationManager().value(),
                    a.executor().value(), stage.state().name(), stage.warningAt(), stage.due()));
        }
        line = 0;
        for (PlannedStage stage : order.plan().stages()) {
            for (StageId predecessor : stage.after()) {
                s.persist(new ProvisioningStageAfterEntity(new ProvisioningStageEntity.LineKey(id, ++line),
                        stage.id().value(), predecessor.value()));
            }
        }
        for (DomainEvent event : order.drainEvents()) {
            s.persist(OutboxEntity.of(event, json));
        }
    }
}
