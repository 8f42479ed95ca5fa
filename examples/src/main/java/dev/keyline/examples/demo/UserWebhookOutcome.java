package dev.keyline.examples.demo;

import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.ReportSection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What posting the story's events to the user's own receiver achieved.
 *
 * @param endpoint the receiver's URL
 * @param events how many events were posted
 * @param delivered events the receiver acknowledged with 2xx
 * @param retried failed attempts that were tried again later
 * @param deadLettered events given up
 * @param deadLetters each event given up, with why
 */
public record UserWebhookOutcome(URI endpoint, int events, int delivered, int retried, int deadLettered,
                                 List<DeadLetter> deadLetters) {

    /**
     * An event the receiver never took.
     *
     * @param eventId the event id, the {@code webhook-id} header
     * @param type the event type
     * @param attempts how many times it was posted
     * @param reason why it was given up: the last failure
     */
    public record DeadLetter(String eventId, String type, int attempts, String reason) {

        /** Validates the dead letter. */
        public DeadLetter {
            Require.nonBlank(eventId, "eventId");
            Require.nonBlank(type, "type");
            Require.nonNegative(attempts, "attempts");
            Require.nonNull(reason, "reason");
        }
    }

    /** Validates the outcome and copies the list. */
    public UserWebhookOutcome {
        Require.nonNull(endpoint, "endpoint");
        Require.nonNegative(events, "events");
        Require.nonNegative(delivered, "delivered");
        Require.nonNegative(retried, "retried");
        Require.nonNegative(deadLettered, "deadLettered");
        deadLetters = Require.nonNullElements(deadLetters, "deadLetters");
        Require.that(deadLetters.size() == deadLettered, "deadLetters",
                "must list every dead-lettered event: " + deadLetters.size() + " listed, " + deadLettered + " counted");
    }

    /** One line: {@code N events to URL: D delivered, R retried, X dead-lettered}. */
    public String summary() {
        return events + " events to " + endpoint + ": " + delivered + " delivered, " + retried + " retried, "
                + deadLettered + " dead-lettered";
    }

    /**
     * Writes the outcome into a report chapter.
     *
     * @param out the chapter
     */
    public void writeTo(ReportSection out) {
        Require.nonNull(out, "out");
        out.heading("Your webhook");
        out.paragraph("Every event of the story was also posted to " + endpoint + ", signed as Standard Webhooks "
                + "(webhook-id, webhook-timestamp, webhook-signature) with the secret given on the command line and "
                + "the real time, so any Standard Webhooks library verifies it. A failed attempt was tried again up "
                + "to " + UserWebhook.MAX_ATTEMPTS + " attempts, on a clock of its own, so the story did not wait.");
        out.fact("Events posted", events);
        out.fact("Delivered", delivered);
        out.fact("Failed attempts retried", retried);
        out.fact("Dead-lettered", deadLettered);
        if (!deadLetters.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (DeadLetter letter : deadLetters) {
                rows.add(List.of(letter.eventId(), letter.type(), String.valueOf(letter.attempts()), letter.reason()));
            }
            out.table("Events your webhook never took, and why", List.of("Event", "Type", "Attempts", "Reason"), rows);
        }
    }
}
