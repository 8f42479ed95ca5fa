package dev.keyline.examples.demo;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The foundation every area stands on: a command that commits and raises an event, a command that
 * fails and rolls back (its event is never delivered), and the relay delivering the committed
 * event to a sink that refuses it once, so it arrives on the second attempt.
 */
public final class FoundationChapter implements DemoChapter {

    /** A foundation chapter. */
    public FoundationChapter() {
    }

    @Override
    public String title() {
        return "Foundation";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        Keyline keyline = context.keyline();
        Random random = context.random("foundation");

        out.paragraph("Keyline runs every command in one transaction: it loads what the command needs, lets the "
                + "domain decide, saves with a version check and writes the events the command raised to an outbox "
                + "table in the same transaction. A relay then hands committed events to the notification sinks, at "
                + "least once, retrying with backoff. This chapter shows that machinery on its own.");
        out.heading("Wiring");
        out.fact("Storage provider", keyline.storage().name());
        out.fact("Database", database(context));
        out.fact("Connection pool", "HikariCP (" + context.dataSource().getClass().getSimpleName() + ")");
        out.fact("Notification sinks", String.join(", ", keyline.sinks().stream().map(NotificationSink::name).toList())
                + " (routes each event by its audience; this chapter's notices name no role, so they go to "
                + context.inbox().name() + "; the Notifications chapter shows the rules)");
        out.fact("Relay retry policy", keyline.retryPolicy().maxAttempts() + " attempts, first backoff "
                + keyline.retryPolicy().backoffAfter(1).toSeconds() + " s, doubling up to "
                + keyline.retryPolicy().maxBackoff().toMinutes() + " min");
        out.fact("Clock", keyline.clock().instant().atZone(keyline.clock().getZone()).toString());

        // 1. a command that commits
        EventId committedId = new EventId(new UUID(random.nextLong(), random.nextLong()));
        keyline.run(command -> command.publish(new ServiceNoticePosted(committedId, command.now(), "notice-1",
                "DDN circuit for customer SZ-C001 is needed by 15 July")));
        OutboxEntry afterCommit = entry(keyline, committedId)
                .orElseThrow(() -> new InvalidStateException("the committed event is not in the outbox"));

        // 2. a command that fails after raising its event
        EventId rolledBackId = new EventId(new UUID(random.nextLong(), random.nextLong()));
        String failure;
        try {
            keyline.run(command -> {
                command.publish(new ServiceNoticePosted(rolledBackId, command.now(), "notice-2",
                        "FR circuit for customer KM-C007 is needed tomorrow"));
                throw new InvalidStateException("the network centre has not confirmed the resources for notice-2");
            });
            throw new InvalidStateException("the failing command did not fail");
        } catch (InvalidStateException e) {
            failure = e.getMessage();
        }
        if (entry(keyline, rolledBackId).isPresent()) {
            throw new InvalidStateException("the rolled-back event reached the outbox");
        }

        out.heading("A command that commits, and one that rolls back");
        out.paragraph("Both commands publish a notice from the marketing service centre to the network centre. The "
                + "second one then fails, so its transaction rolls back and takes its outbox entry with it.");
        out.table("The two commands", List.of("Command", "Outcome", "Event id", "In the outbox"), List.of(
                List.of("post notice-1", "committed", committedId.toString(),
                        afterCommit.status() + ", " + afterCommit.attempts() + " attempts"),
                List.of("post notice-2", "rolled back: " + failure, rolledBackId.toString(), "no entry")));

        // 3. the relay, with the inbox refusing the first attempt
        context.inbox().refuseNext(1, "the network centre's inbox is busy");
        List<List<String>> pumps = new ArrayList<>();
        RelayReport first = keyline.relay().pumpOnce();
        OutboxEntry afterFirst = entry(keyline, committedId).orElseThrow();
        pumps.add(pumpRow("1", keyline, first, afterFirst));
        if (afterFirst.status() != DeliveryStatus.FAILED) {
            throw new InvalidStateException("the refused delivery left the entry " + afterFirst.status());
        }
        Duration wait = Duration.between(keyline.clock().instant(), afterFirst.nextAttemptAt());
        context.clock().advance(wait);
        RelayReport second = keyline.relay().pumpOnce();
        OutboxEntry afterSecond = entry(keyline, committedId).orElseThrow();
        pumps.add(pumpRow("2, after the clock moved on " + wait.toSeconds() + " s", keyline, second, afterSecond));
        RelayReport idle = keyline.relay().pumpUntilIdle(5);
        pumps.add(pumpRow("3, nothing left to deliver", keyline, idle, entry(keyline, committedId).orElseThrow()));

        List<Notification> received = context.inbox().acceptedOf(committedId);
        if (afterSecond.status() != DeliveryStatus.DELIVERED || received.size() != 1) {
            throw new InvalidStateException("notice-1 was not delivered exactly once: " + afterSecond.status()
                    + ", received " + received.size() + " times");
        }
        if (!context.inbox().acceptedOf(rolledBackId).isEmpty()) {
            throw new InvalidStateException("the rolled-back notice was delivered");
        }
        Notification delivered = received.get(0);

        out.heading("The relay delivers, retrying once");
        out.paragraph("The inbox refuses the first delivery as a busy receiver would. The relay records the failure, "
                + "waits for the backoff and delivers again; the sink sees the attempt number and the stable event id, "
                + "by which a receiver de-duplicates.");
        out.table("Relay runs", List.of("Run", "Delivered", "Retried", "Dead-lettered", "notice-1 status",
                "notice-1 attempts"), pumps);
        out.fact("Delivered to " + context.inbox().name(), delivered.type() + " " + delivered.eventId()
                + " on attempt " + delivered.attempt());
        out.fact("Refused deliveries", context.inbox().refused().size());
        out.fact("notice-2 delivered", "never (its command rolled back)");
        out.paragraph("The notification's payload, the event as JSON:");
        out.preformatted(delivered.payload());
        out.summary("a committed event delivered on attempt " + delivered.attempt()
                + " after one refusal; the rolled-back event never reached the outbox");
    }

    private static Optional<OutboxEntry> entry(Keyline keyline, EventId id) {
        return keyline.transactions().execute(() -> keyline.storage().outbox().find(id));
    }

    private static List<String> pumpRow(String run, Keyline keyline, RelayReport report, OutboxEntry entry) {
        return List.of(run, String.valueOf(report.delivered()), String.valueOf(report.retried()),
                String.valueOf(report.deadLettered()), entry.status().toString(), String.valueOf(entry.attempts()));
    }

    /** Where the database lives, said without the path or host, so two runs write the same report. */
    private static String where(String url) {
        if (url.startsWith("jdbc:h2:mem:")) {
            return "in memory";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "embedded, in a file beside the report";
        }
        return "a server";
    }

    private static String database(DemoContext context) {
        try (Connection connection = context.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " (" + where(meta.getURL()) + ")";
        } catch (SQLException e) {
            throw new StorageException("reading the database's name", e.getSQLState(), e);
        }
    }
}
