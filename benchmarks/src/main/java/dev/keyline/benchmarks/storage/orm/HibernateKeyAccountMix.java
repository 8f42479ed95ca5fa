package dev.keyline.benchmarks.storage.orm;

import dev.keyline.benchmarks.storage.Fixture;
import dev.keyline.benchmarks.storage.KeyAccountEvents;
import dev.keyline.benchmarks.storage.KeyAccountMix;
import java.time.Instant;
import org.hibernate.SessionFactory;

/**
 * The key-account mix ({@link KeyAccountMix}) through JPA entities with Hibernate: one session and
 * transaction per command; assign and activate load the account by id (a host's code has no
 * other way to change an entity), change it and let the flush write a versioned update.
 */
public final class HibernateKeyAccountMix {

    private final SessionFactory sessions;

    /**
     * The Hibernate side.
     *
     * @param sessions the session factory
     */
    public HibernateKeyAccountMix(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs the four commands for account {@code n}.
     *
     * @param n the account number
     */
    public void run(long n) {
        String id = KeyAccountMix.accountId(n);
        Instant now = Fixture.NOW;
        sessions.inTransaction(s -> {
            s.persist(new KeyAccountEntity(id, KeyAccountMix.name(n), KeyAccountMix.NETWORK.value(),
                    KeyAccountMix.INDUSTRY.name(), KeyAccountMix.BY.value(), now));
            s.persist(OutboxEntity.of(KeyAccountEvents.registered(n)));
        });
        sessions.inTransaction(s -> {
            s.find(KeyAccountEntity.class, id).assignManager(KeyAccountMix.MANAGER.value(), now);
            s.persist(OutboxEntity.of(KeyAccountEvents.managerAssigned(n)));
        });
        sessions.inTransaction(s -> {
            s.find(KeyAccountEntity.class, id).activate(now);
            s.persist(OutboxEntity.of(KeyAccountEvents.activated(n)));
        });
        sessions.inTransaction(s -> {
            for (int i = 0; i < KeyAccountMix.FACTS; i++) {
                s.persist(new SpendFactEntity(KeyAccountMix.factId(n, i), id, KeyAccountMix.NETWORK.value(),
                        KeyAccountMix.month(i).toString(), KeyAccountMix.amount(n, i), now));
            }
        });
    }
}
