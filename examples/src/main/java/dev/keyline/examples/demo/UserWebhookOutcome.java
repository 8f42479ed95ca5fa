package dev.keyline.examples.demo;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.ReportSection;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** How many example events the console names per cause. */
    public static final int EXAMPLES_PER_CAUSE = 3;

    /** The heading of the outcome in the report. */
    public static final String REPORT_HEADING = "Your webhook";

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

        /**
         * The reason without this event's own id, so that events given up for the same cause share it:
         * a sink's failure message ends with {@code for event <id>}, which is dropped, and any other
         * mention of the id reads {@code <event id>}.
         *
         * @return the cause this dead letter shares with others given up alike
         */
        public String cause() {
            return reason.replace(" for event " + eventId, "").replace(eventId, "<event id>");
        }
    }

    /**
     * The dead letters that share one {@link DeadLetter#cause() cause}.
     *
     * @param cause the reason, without any one event's id
     * @param count how many events were given up for it
     * @param examples the first of them, in outbox order; at most {@code count}
     */
    public record DeadLetterGroup(String cause, int count, List<DeadLetter> examples) {

        /** Validates the group and copies the examples. */
        public DeadLetterGroup {
            Require.nonNull(cause, "cause");
            Require.positive(count, "count");
            examples = Require.nonNullElements(examples, "examples");
            if (examples.isEmpty() || examples.size() > count) {
                throw new InvalidArgumentException("examples", "must hold between 1 and count (" + count
                        + ") dead letters, not " + examples.size());
            }
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
        if (deadLetters.size() != deadLettered) {
            throw new InvalidArgumentException("deadLetters", "must list every dead-lettered event: "
                    + deadLetters.size() + " listed, " + deadLettered + " counted");
        }
    }

    /** One line: {@code N events to URL: D delivered, R retried, X dead-lettered}. */
    public String summary() {
        return events + " events to " + endpoint + ": " + delivered + " delivered, " + retried + " retried, "
                + deadLettered + " dead-lettered";
    }

    /**
     * The dead letters grouped by {@link DeadLetter#cause() cause}, the most frequent cause first
     * (ties in the order their first event was given up), each with its first few events.
     *
     * @param examplesPerCause how many events to keep per cause, at least 1
     * @return one group per distinct cause; empty when nothing was dead-lettered
     */
    public List<DeadLetterGroup> deadLettersByCause(int examplesPerCause) {
        Require.positive(examplesPerCause, "examplesPerCause");
        Map<String, List<DeadLetter>> byCause = new LinkedHashMap<>();
        for (DeadLetter letter : deadLetters) {
            byCause.computeIfAbsent(letter.cause(), c -> new ArrayList<>()).add(letter);
        }
        List<DeadLetterGroup> groups = new ArrayList<>();
        byCause.forEach((cause, letters) -> groups.add(new DeadLetterGroup(cause, letters.size(),
                letters.subList(0, Math.min(examplesPerCause, letters.size())))));
        groups.sort(Comparator.comparingInt(DeadLetterGroup::count).reversed()); // stable: ties keep first-seen order
        return List.copyOf(groups);
    }

    /**
     * What the console shows: the {@link #summary()}, then, when events were dead-lettered, one line
     * per distinct cause with its count and up to {@value #EXAMPLES_PER_CAUSE} example events, and a
     * pointer to the report, which lists every dead letter with its own reason. However many events
     * were given up, the lines are as many as the causes plus two.
     *
     * @return the lines, without line ends
     */
    public List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Your webhook: " + summary());
        List<DeadLetterGroup> groups = deadLettersByCause(EXAMPLES_PER_CAUSE);
        for (DeadLetterGroup group : groups) {
            List<String> named = group.examples().stream().map(l -> l.eventId() + " (" + l.type() + ")").toList();
            lines.add("  " + group.count() + " dead-lettered: " + group.cause() + "; e.g. " + String.join(", ", named)
                    + (group.count() > named.size() ? ", and " + (group.count() - named.size()) + " more" : ""));
        }
        if (!groups.isEmpty()) {
            lines.add("  every dead letter, with its attempts and reason, is listed in the report under \""
                    + REPORT_HEADING + "\"");
        }
        return List.copyOf(lines);
    }

    /**
     * Writes the outcome into a report chapter.
     *
     * @param out the chapter
     */
    public void writeTo(ReportSection out) {
        Require.nonNull(out, "out");
        out.heading(REPORT_HEADING);
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
