package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.EventId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * The three events of the key-account mix as the raw-JDBC and Hibernate sides write them: the
 * outbox row's audience, subject and JSON payload, built by hand the way a host without Keyline
 * would (a new random event id each, drawn as the domain draws its events' ids, so that both sides
 * pay the same for them).
 */
public final class KeyAccountEvents {

    private static final String OCCURRED = RawOutbox.instant(Fixture.NOW);

    private KeyAccountEvents() {
    }

    /**
     * One outbox row.
     *
     * @param eventId the event id
     * @param aggregateId the account id
     * @param type the event type
     * @param role the audience role
     * @param unit the audience's organisation unit (the network)
     * @param account the audience's account
     * @param subject the subject line
     * @param payload the event JSON
     */
    public record Row(UUID eventId, String aggregateId, String type, String role, String unit, String account, String subject,
            String payload) {

        /** Inserts the row on {@code c}, in its current transaction. */
        void insert(Connection c) throws SQLException {
            RawOutbox.insert(c, eventId, aggregateId, type, Timestamp.from(Fixture.NOW), role, unit, account, null, subject,
                    payload);
        }
    }

    /** The event of the mix's command for account {@code n}. */
    public static Row registered(long n) {
        String id = KeyAccountMix.accountId(n);
        String name = KeyAccountMix.name(n);
        String network = KeyAccountMix.NETWORK.value();
        UUID event = EventId.random().value();
        return new Row(event, id, "account.registered", "ACCOUNT_MANAGER", network, id,
                "Key account " + id + " (" + name + ") registered in " + network,
                head(event, id, network) + ",\"name\":" + RawOutbox.quote(name) + ",\"industry\":\""
                        + KeyAccountMix.INDUSTRY.name() + "\",\"registeredBy\":" + RawOutbox.quote(KeyAccountMix.BY.value())
                        + "}");
    }

    /** The event of the mix's command for account {@code n}. */
    public static Row managerAssigned(long n) {
        String id = KeyAccountMix.accountId(n);
        String network = KeyAccountMix.NETWORK.value();
        String manager = KeyAccountMix.MANAGER.value();
        UUID event = EventId.random().value();
        return new Row(event, id, "account.manager-assigned", "ACCOUNT_MANAGER", network, id,
                "Account manager of key account " + id + " is now " + manager,
                head(event, id, network) + ",\"previousManager\":null,\"accountManager\":" + RawOutbox.quote(manager)
                        + ",\"assignedBy\":" + RawOutbox.quote(KeyAccountMix.BY.value()) + "}");
    }

    /** The event of the mix's command for account {@code n}. */
    public static Row activated(long n) {
        String id = KeyAccountMix.accountId(n);
        String network = KeyAccountMix.NETWORK.value();
        String manager = KeyAccountMix.MANAGER.value();
        UUID event = EventId.random().value();
        return new Row(event, id, "account.activated", "ACCOUNT_MANAGER", network, id,
                "Key account " + id + " is now active, account manager " + manager,
                head(event, id, network) + ",\"accountManager\":" + RawOutbox.quote(manager) + ",\"activatedBy\":"
                        + RawOutbox.quote(KeyAccountMix.BY.value()) + "}");
    }

    private static String head(UUID event, String id, String network) {
        return "{\"eventId\":\"" + event + "\",\"occurredAt\":\"" + OCCURRED + "\",\"account\":" + RawOutbox.quote(id)
                + ",\"network\":" + RawOutbox.quote(network);
    }
}
