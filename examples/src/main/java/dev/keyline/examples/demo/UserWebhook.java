package dev.keyline.examples.demo;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.RelayReport;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.webhook.WebhookSecret;
import dev.keyline.webhook.WebhookSink;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The user's own receiver, given with {@code demo --webhook URL --webhook-secret whsec_…}: once the
 * story has been told, every event of it is posted there, signed as Standard Webhooks, so the user
 * watches Keyline's events arrive in a receiver of their own.
 *
 * <p>The events go through a runtime of their own (in-memory storage, the relay, a
 * {@link WebhookSink} named {@value #SINK}), so a slow or unreachable receiver never holds up
 * the story or moves its clock: the relay retries on a clock of its own that jumps to each retry
 * time instead of waiting, and gives an event up after {@value #MAX_ATTEMPTS} attempts. The
 * requests are signed with the real time, as the receiver checks timestamps against its own clock.
 */
public final class UserWebhook {

    /** The sink's name, in the outcome and in dead-letter reasons. */
    public static final String SINK = "your-webhook";

    /** The most attempts per event before it is dead-lettered. */
    public static final int MAX_ATTEMPTS = 4;

    private static final int MAX_PUMPS = 10_000;
    private static final int WHOLE_OUTBOX = 100_000;

    private final URI endpoint;
    private final WebhookSecret secret;
    private final Clock signingClock;
    private UserWebhookOutcome outcome;

    private UserWebhook(URI endpoint, WebhookSecret secret, Clock signingClock) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.signingClock = signingClock;
    }

    /**
     * The user's receiver from the command line's text.
     *
     * @param url the receiver's http or https URL
     * @param secret the shared secret, {@code whsec_} and base64
     * @return the receiver, not posted to yet
     * @throws InvalidArgumentException naming {@code --webhook} or {@code --webhook-secret} when
     *     one of them is not usable
     */
    public static UserWebhook of(String url, String secret) {
        return of(url, secret, Clock.systemUTC());
    }

    /**
     * The user's receiver, with the clock requests are signed with (the real time, but for tests).
     *
     * @param url the receiver's http or https URL
     * @param secret the shared secret, {@code whsec_} and base64
     * @param signingClock the clock of the signatures' timestamps
     * @return the receiver, not posted to yet
     */
    public static UserWebhook of(String url, String secret, Clock signingClock) {
        Require.nonNull(url, "--webhook");
        Require.nonNull(secret, "--webhook-secret");
        Require.nonNull(signingClock, "signingClock");
        URI endpoint;
        try {
            WebhookSink.builder().endpoint(url); // the sink's own checks: http or https, a host, no fragment
            endpoint = URI.create(url.strip());
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("--webhook", detail(e));
        }
        try {
            return new UserWebhook(endpoint, WebhookSecret.parse(secret), signingClock);
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("--webhook-secret", detail(e));
        }
    }

    /** What was wrong, without the reason code and argument name the message starts with. */
    private static String detail(InvalidArgumentException e) {
        String prefix = e.reason().code() + " " + e.argument() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    /** The receiver's URL. */
    public URI endpoint() {
        return endpoint;
    }

    /** What the last {@link #post} achieved, once it ran. */
    public Optional<UserWebhookOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * Posts every message to the receiver, in order, retrying as the relay does, and records the
     * outcome.
     *
     * @param messages the story's outbox messages, in sequence order
     * @param storyTime the story's clock, where the relay's own clock starts
     * @return how many were delivered, retried and dead-lettered, and why each dead letter was given up
     */
    public UserWebhookOutcome post(List<OutboxMessage> messages, Instant storyTime) {
        Require.nonNullElements(messages, "messages");
        Require.nonNull(storyTime, "storyTime");
        DemoClock relayClock = new DemoClock(storyTime, java.time.ZoneOffset.UTC);
        WebhookSink sink = WebhookSink.builder().endpoint(endpoint).secret(secret).clock(signingClock)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).name(SINK).build();
        InMemoryStorage storage = new InMemoryStorage();
        // only the user's webhook: the story's runtime already kept the areas' projections
        Keyline runtime = Keyline.builder().storage(storage).clock(relayClock).sink(sink).areaReactions(false)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(MAX_ATTEMPTS)).build();
        runtime.transactions().execute(() -> {
            storage.outbox().append(messages);
            return null;
        });
        RelayReport total = RelayReport.NOTHING;
        for (int round = 0; round < MAX_PUMPS; round++) {
            total = total.plus(runtime.relay().pumpUntilIdle(MAX_PUMPS));
            Optional<Instant> retry = entries(runtime, DeliveryStatus.FAILED).stream()
                    .map(OutboxEntry::nextAttemptAt).min(Comparator.naturalOrder());
            if (retry.isEmpty()) {
                break;
            }
            relayClock.advanceTo(retry.get().isAfter(relayClock.instant()) ? retry.get() : relayClock.instant());
        }
        List<UserWebhookOutcome.DeadLetter> deadLetters = new ArrayList<>();
        for (OutboxEntry entry : runtime.relay().deadLetters(SINK, WHOLE_OUTBOX)) {
            SinkDelivery delivery = entry.delivery(SINK).orElseThrow();
            deadLetters.add(new UserWebhookOutcome.DeadLetter(entry.message().eventId().toString(),
                    entry.message().type(), delivery.attempts(), String.valueOf(delivery.lastError())));
        }
        outcome = new UserWebhookOutcome(endpoint, messages.size(), total.delivered(), total.retried(),
                total.deadLettered(), deadLetters);
        return outcome;
    }

    private static List<OutboxEntry> entries(Keyline runtime, DeliveryStatus status) {
        return runtime.transactions().execute(() -> runtime.storage().outbox().list(status, WHOLE_OUTBOX));
    }

    @Override
    public String toString() {
        return "UserWebhook[" + endpoint + "]";
    }
}
