package dev.keyline.runtime;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import dev.keyline.notification.EventTypePattern;
import java.util.List;

/**
 * An in-process subscriber: one area's response to another area's events, fed from the outbox by
 * the {@link Relay}. Areas meet only through ids and events; a reaction is how one changes its own
 * state when another's event commits, never by reading the other's storage.
 *
 * <p>The relay delivers a reaction like a sink, under its {@link #name()}: each event has its own
 * delivery state for the reaction (attempts, backoff, dead letter with the reason), in order per
 * aggregate, so a failing reaction delays only itself. For an event whose type it takes, the relay
 * runs the {@link Handler} as a command in a transaction of its own, with the event read back as its
 * typed {@link DomainEvent} and a {@link CommandContext} to load and save aggregates and publish
 * events; it records a receipt for the event in that transaction, so an event delivered again (a
 * relay died between the commit and its mark) is not applied twice. A handler that throws rolls
 * back its own effects only, and the event is retried by the relay's policy, then dead-lettered.
 * Events of other types are marked delivered for the reaction without running it.
 *
 * @param name the reaction's stable name, unique among the runtime's reactions and sinks; its
 *     delivery state and receipts are kept under it, so renaming a reaction makes it take every
 *     open event anew
 * @param takes the event types it takes, exact ({@code account.exited}) or by prefix ({@code account.*})
 * @param handler what it does with an event it takes
 */
public record Reaction(String name, List<EventTypePattern> takes, Handler handler) {

    /** What a reaction does with one event, inside its own transaction. */
    @FunctionalInterface
    public interface Handler {

        /**
         * Applies {@code event}. Throwing rolls back everything the handler did and leaves the event
         * to be retried (or dead-lettered when it throws
         * {@link dev.keyline.spi.PermanentDeliveryException}).
         *
         * @param event the event, as its typed record
         * @param context the command's context: its time, and saving and publishing in its transaction
         */
        void react(DomainEvent event, CommandContext context);
    }

    /**
     * Validates the reaction: a name of at most {@value Keyline.Builder#MAX_SINK_NAME_LENGTH} characters, at least one pattern.
     *
     * @param name the reaction's stable name, unique among the runtime's reactions and sinks; its delivery state and receipts are kept under it, so renaming a reaction makes it take every open event anew
     * @param takes the event types it takes, exact ({@code account.exited}) or by prefix ({@code account.*})
     * @param handler what it does with an event it takes
     */
    public Reaction {
        Require.nonBlank(name, "name");
        Require.that(name.length() <= Keyline.Builder.MAX_SINK_NAME_LENGTH, "name",
                () -> "must be at most " + Keyline.Builder.MAX_SINK_NAME_LENGTH + " characters, as the outbox keeps the "
                        + "reaction's delivery state under it, but had " + name.length());
        Require.nonNull(handler, "handler");
        takes = List.copyOf(Require.nonNullElements(takes, "takes"));
        Require.that(!takes.isEmpty(), "takes", "must name at least one event type");
    }

    /**
     * A reaction taking the given event types.
     *
     * @param name the reaction's stable name
     * @param handler what it does with an event
     * @param eventTypes the types it takes, exact or {@code prefix.*}; at least one
     * @return the reaction
     */
    public static Reaction of(String name, Handler handler, String... eventTypes) {
        Require.nonBlank(name, "name");
        Require.nonNull(handler, "handler");
        Require.nonNull(eventTypes, "eventTypes");
        return new Reaction(name, Require.nonNullElements(List.of(eventTypes), "eventTypes").stream()
                .map(EventTypePattern::of).toList(), handler);
    }

    /**
     * Whether the reaction takes events of this type.
     *
     * @param eventType an event's type name
     * @return whether one of its patterns matches
     */
    public boolean takes(String eventType) {
        Require.nonNull(eventType, "eventType");
        return takes.stream().anyMatch(p -> p.matches(eventType));
    }

    @Override
    public String toString() {
        return "Reaction[" + name + " takes " + takes + "]";
    }
}
