package dev.keyline.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.ReportSection;
import dev.keyline.notification.RoutingRule;
import dev.keyline.notification.RoutingSink;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.runtime.account.Reclassifications;
import dev.keyline.runtime.account.KeyAccounts;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.webhook.WebhookSecret;
import dev.keyline.webhook.WebhookSignature;
import dev.keyline.webhook.WebhookSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * How the story's notifications travelled: the router's rules, the relay's runs (retries waited
 * for on the demo clock), and every request the CRM's webhook receiver on 127.0.0.1 received,
 * each verified with {@link WebhookSignature#verify} and taken once by its event id, checked
 * against the outbox. A forged request, signed without the shared secret, is refused with 401.
 */
public final class NotificationsChapter implements DemoChapter {

    /** The purpose the chapter draws the forged request's event id for. */
    public static final String RANDOM_PURPOSE = "notifications";

    /** A notifications chapter. */
    public NotificationsChapter() {
    }

    @Override
    public String title() {
        return "Notifications";
    }

    @Override
    public void run(DemoContext context, ReportSection out) {
        Require.nonNull(context, "context");
        Require.nonNull(out, "out");
        DemoNotifications notifications = context.notifications();
        CrmReceiver receiver = notifications.receiver();
        ZoneId zone = context.clock().getZone();
        context.deliverNotifications("the last chapter (nothing left)");
        String forgery = forge(context, receiver);

        List<OutboxEntry> delivered = context.entries(DeliveryStatus.DELIVERED);
        List<OutboxEntry> routed = delivered.stream().filter(e -> notifications.reachesCrm(e.message())).toList();
        List<CrmArrival> arrivals = receiver.arrivals();
        List<CrmArrival> fromRelay = arrivals.stream().filter(CrmArrival::signatureVerified).toList();
        // the relay delivers one entry per aggregate per pump, so compare the ids whatever their order
        List<String> takenIds = receiver.taken().stream().map(CrmArrival::eventId).sorted().toList();
        List<String> routedIds = routed.stream().map(e -> e.message().eventId().toString()).sorted().toList();
        int attempts = routed.stream().mapToInt(OutboxEntry::attempts).sum();
        if (!takenIds.equals(routedIds) || fromRelay.size() != attempts || arrivals.size() != attempts + 1
                || context.outbox().size() != delivered.size()) {
            throw new InvalidStateException("the CRM took " + takenIds.size() + " events in " + fromRelay.size()
                    + " requests, but the outbox delivered " + routedIds.size() + " routed to it in " + attempts
                    + " attempts (" + delivered.size() + " of " + context.outbox().size() + " entries delivered)");
        }

        out.paragraph("Every command of the story wrote its events to the outbox in its own transaction; the relay "
                + "handed them to the runtime's one sink, a RoutingSink, as the story went on. The router sends what "
                + "people must act on to the CRM through a WebhookSink: each notification is POSTed as JSON to a "
                + "receiver the demo runs on 127.0.0.1 (on a free port the system picked), signed as Standard "
                + "Webhooks: the headers webhook-id (the event id), webhook-timestamp and webhook-signature, an "
                + "HMAC-SHA256 over the id, the timestamp and the body under a 32-byte secret drawn from the seed. "
                + "The receiver verifies "
                + "every request with WebhookSignature.verify against the raw body and the demo clock (tolerance "
                + WebhookSignature.DEFAULT_TOLERANCE.toMinutes() + " minutes), answers 401 when that fails, takes "
                + "each event once by its id and acknowledges a repeat without taking it again. Delivery is at least "
                + "once, so repeats happen. The receiver stops when the demo ends, also when a chapter fails.");

        out.heading("Routing");
        List<List<String>> rules = new ArrayList<>();
        RoutingSink router = notifications.router();
        for (RoutingRule rule : router.rules()) {
            rules.add(List.of(rule.roleIfSet().orElse("any"), rule.eventTypeIfSet().map(Object::toString).orElse("any"),
                    names(rule.sinks())));
        }
        rules.add(List.of("anything else", "", names(router.defaultSinks())));
        out.table("The rules of " + router.name() + ", in order", List.of("Audience role", "Event type", "Sinks"),
                rules);

        out.heading("The relay's runs");
        RetryPolicy policy = context.keyline().retryPolicy();
        out.paragraph("Each chapter let the relay deliver what it had committed. A run pumps until nothing is due; "
                + "when a delivery failed, the relay records when to try again (" + policy.backoffAfter(1).toSeconds()
                + " s after the first failure, " + policy.backoffAfter(2).toSeconds() + " s after the second, and so "
                + "on up to " + policy.maxAttempts() + " attempts) and the demo moves its clock on to that time "
                + "instead of sleeping.");
        List<List<String>> runs = new ArrayList<>();
        for (RelayRun run : context.relayRuns()) {
            runs.add(List.of(run.occasion(), Figures.time(run.at(), zone), String.valueOf(run.delivered()),
                    String.valueOf(run.retried()), String.valueOf(run.deadLettered())));
        }
        out.table("Relay runs during the story", List.of("After", "Clock", "Delivered", "Failed, retried later",
                "Dead-lettered"), runs);

        out.heading("What reached the CRM");
        List<List<String>> rows = new ArrayList<>();
        for (CrmArrival a : arrivals) {
            rows.add(List.of(String.valueOf(a.number()), Figures.shortId(a.eventId()), a.type(), dash(Figures.role(a.role())),
                    dash(a.account()), a.attempt() == 0 ? "-" : String.valueOf(a.attempt()),
                    a.signatureVerified() ? "yes" : "no (" + a.verificationFailure() + ")",
                    a.status() + " " + KeyAccountsChapter.outcomeText(a.outcome())));
        }
        out.table("Requests received by the CRM's webhook, in order", List.of("#", "Event", "Type", "Audience role",
                "Account", "Attempt", "Signature verified", "Answer"), rows);
        long repeats = arrivals.stream().filter(a -> a.outcome() == CrmArrival.Outcome.REPEAT_ACKNOWLEDGED).count();
        long refused = arrivals.stream().filter(a -> a.outcome() == CrmArrival.Outcome.REFUSED_FOR_NOW).count();
        out.fact("Outbox entries delivered", delivered.size() + " of " + context.outbox().size() + ": "
                + String.join(", ", List.of(notifications.crm(), notifications.resources(), notifications.inbox())
                .stream().map(sink -> sink.name() + " " + delivered.stream()
                        .filter(e -> router.targetsFor(e.message().type(), e.message().audience()).contains(sink))
                        .count()).toList()));
        out.fact("Routed to the CRM", routed.size() + " events in " + attempts + " delivery attempts");
        out.fact("Requests from the relay", fromRelay.size() + ", every signature verified; " + takenIds.size()
                + " events taken once each, " + repeats + " repeat acknowledged, " + refused + " refused for now");
        out.fact("A forgery", forgery);

        CrmArrival warning = receiver.taken().stream().filter(a -> a.type().equals(ChurnWarningRaised.TYPE))
                .findFirst().orElseThrow(() -> new InvalidStateException("the CRM never took the churn warning"));
        out.paragraph("The churn warning as the CRM took it (attempt " + warning.attempt() + "; the body is what the "
                + "signature covers, shown indented here):");
        out.preformatted(indented(warning.body()));
        String summary = fromRelay.size() + " signed requests reached the CRM, all verified; " + takenIds.size()
                + " events taken once each, one after a 503 and a retry, one repeat acknowledged; a forgery refused";
        if (notifications.userWebhook().isPresent()) {
            // after the story, so that the user's receiver can neither hold it up nor move its clock
            UserWebhookOutcome posted = notifications.userWebhook().get().post(
                    context.outbox().stream().map(OutboxEntry::message).toList(), context.clock().instant());
            posted.writeTo(out);
            summary += "; your webhook: " + posted.delivered() + " delivered, " + posted.retried() + " retried, "
                    + posted.deadLettered() + " dead-lettered";
        }
        out.summary(summary);
    }

    /**
     * Posts a forged exit of the story's national account to the CRM, signed with a secret that is
     * not the shared one, straight from a sink of its own (the relay is not involved).
     *
     * @return what happened, for the report
     */
    private static String forge(DemoContext context, CrmReceiver receiver) {
        Random random = context.random(RANDOM_PURPOSE);
        byte[] guess = new byte[32];
        random.nextBytes(guess);
        EventId id = new EventId(new UUID(random.nextLong(), random.nextLong()));
        String target = KeyAccountsChapter.planAccount(Reclassifications.on(context.keyline())).account().value();
        String payload = "{\"eventId\":\"" + id + "\",\"occurredAt\":\"" + context.clock().instant() + "\",\"account\":\""
                + target + "\",\"network\":\"SZ\",\"reason\":\"forged\",\"recordedBy\":\"nobody\",\"lastTier\":\""
                + Tier.NATIONAL + "\"}";
        Notification forged = new Notification(id, AccountExited.TYPE, context.clock().instant(), target,
                new Audience("ACCOUNT_MANAGER", "SZ", target, null, "Key account " + target
                        + " left the network: release every resource it holds"), payload, 1);
        WebhookSink forger = WebhookSink.builder().endpoint(receiver.endpoint()).secret(WebhookSecret.ofKey(guess))
                .clock(context.clock())
                .requestTimeout(Duration.ofSeconds(10)).name("forger").build();
        try {
            forger.deliver(forged);
        } catch (PermanentDeliveryException e) {
            List<CrmArrival> seen = receiver.arrivalsOf(id.toString());
            if (seen.size() != 1 || seen.get(0).signatureVerified()) {
                throw new InvalidStateException("the forged request was not refused for its signature");
            }
            return "someone without the secret posts an exit of " + target + "; the receiver answers "
                    + seen.get(0).status() + " (" + seen.get(0).verificationFailure() + ") and the CRM releases "
                    + "nothing; the sender's WebhookSink reports PermanentDeliveryException, so a relay would not "
                    + "retry it";
        } catch (RetryableDeliveryException e) {
            throw new InvalidStateException("the forged request failed otherwise than with a refusal: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateException("interrupted while posting the forged request", e);
        }
        throw new InvalidStateException("the CRM accepted a forged request");
    }

    private static String names(List<NotificationSink> sinks) {
        return String.join(", ", sinks.stream().map(NotificationSink::name).toList());
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private static String indented(String body) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode tree = json.readTree(body.getBytes(StandardCharsets.UTF_8));
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new InvalidStateException("the CRM took a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
