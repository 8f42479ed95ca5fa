package dev.keyline.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The engine of the "Authorisation" suites whose areas refuse by {@link NotAuthorisedException}
 * alone (resources, SLA, work orders): each command is run by each actor on a world built for it,
 * and the outcome is compared with the rule the suite states as data.
 *
 * <p>A refused case must throw {@link NotAuthorisedException} and leave the stored state (the
 * parts the world reads through its repositories) and the whole outbox exactly as they were. The
 * refused cases of one command share a world, so a refusal that changed anything also fails the
 * next comparison; the first permitted case then runs on that unchanged world and must succeed,
 * change exactly the parts the command names and write exactly its events (timer entries, which a
 * command keeps in step with its aggregate, are not counted as events). Each further permitted
 * case runs on a fresh world when asked to.
 */
public final class AuthorisationCases {

    private static final int ALL = 100_000;

    private AuthorisationCases() {
    }

    /**
     * A world an Authorisation suite runs commands in: a runtime over one storage, set up with the
     * aggregates the commands act on.
     */
    public interface World {

        /**
         * Reads the stored state and the outbox now.
         *
         * @return the state
         */
        State state();
    }

    /**
     * What a world holds: named parts read through the repositories and every outbox entry.
     *
     * @param parts each part by name (for example {@code pool:P1}), as read
     * @param outbox every outbox entry, whatever its status, in sequence order
     */
    public record State(Map<String, Object> parts, List<OutboxEntry> outbox) {

        /**
         * Reads the parts and the outbox in one transaction.
         *
         * @param storage the storage
         * @param parts what to read, by name, in a stable order
         * @return the state
         */
        public static State read(StorageProvider storage, Map<String, Supplier<?>> parts) {
            return storage.transactions().execute(() -> {
                Map<String, Object> read = new TreeMap<>();
                parts.forEach((name, reader) -> read.put(name, reader.get()));
                List<OutboxEntry> entries = new ArrayList<>();
                for (DeliveryStatus status : DeliveryStatus.values()) {
                    entries.addAll(storage.outbox().list(status, ALL));
                }
                entries.sort(Comparator.comparingLong(OutboxEntry::sequence));
                return new State(read, List.copyOf(entries));
            });
        }
    }

    /**
     * One command in one scope, as the suite states it.
     *
     * @param method the service method called, as {@code SimpleClassName.method}
     * @param label what is done, for messages
     * @param call runs the command in a world as the actor
     * @param permitted the rule: whether the actor may run it
     * @param changed the parts a permitted run changes
     * @param events the types of the events a permitted run writes, in order
     * @param <W> the world
     */
    public record Command<W extends World>(String method, String label, BiConsumer<W, Actor> call,
            Predicate<Actor> permitted, Set<String> changed, List<String> events) {

        /** Validates and copies. */
        public Command {
            Require.nonBlank(method, "method");
            Require.nonBlank(label, "label");
            Require.nonNull(call, "call");
            Require.nonNull(permitted, "permitted");
            changed = Set.copyOf(changed);
            events = List.copyOf(events);
        }

        @Override
        public String toString() {
            return label + " (" + method + ")";
        }
    }

    /**
     * The cases run.
     *
     * @param refused refused cases
     * @param permitted permitted cases run
     */
    public record Counts(int refused, int permitted) {
    }

    /**
     * Runs every command by every actor and checks each outcome against the command's rule.
     *
     * @param actors who acts
     * @param commands what they do
     * @param newWorld builds a fresh world
     * @param everyPermittedActor whether every permitted actor runs (each further one on a fresh
     *     world) or only the first
     * @param <W> the world
     * @return how many cases ran
     */
    public static <W extends World> Counts run(List<Actor> actors, List<Command<W>> commands, Supplier<W> newWorld,
            boolean everyPermittedActor) {
        int refused = 0;
        int permitted = 0;
        for (Command<W> command : commands) {
            List<Actor> allowed = new ArrayList<>();
            List<Actor> denied = new ArrayList<>();
            for (Actor actor : actors) {
                (command.permitted().test(actor) ? allowed : denied).add(actor);
            }
            assertThat(allowed).as("someone may %s", command).isNotEmpty();
            assertThat(denied).as("someone may not %s", command).isNotEmpty();
            W shared = newWorld.get();
            State before = shared.state();
            for (Actor actor : denied) {
                KeylineException thrown = attempt(shared, actor, command);
                assertThat(thrown).as("the rules refuse %s by %s", command, actor).isInstanceOf(NotAuthorisedException.class);
                assertThat(shared.state()).as("storage and outbox after the refused %s by %s", command, actor)
                        .isEqualTo(before);
                refused++;
            }
            for (int i = 0; i < allowed.size() && (i == 0 || everyPermittedActor); i++) {
                checkPermitted(i == 0 ? shared : newWorld.get(), allowed.get(i), command);
                permitted++;
            }
        }
        return new Counts(refused, permitted);
    }

    /**
     * The service methods named by the commands.
     *
     * @param commands the commands
     * @return their methods, sorted
     */
    public static Set<String> methods(List<? extends Command<?>> commands) {
        Set<String> methods = new TreeSet<>();
        commands.forEach(c -> methods.add(c.method()));
        return methods;
    }

    private static <W extends World> void checkPermitted(W world, Actor actor, Command<W> command) {
        State before = world.state();
        KeylineException thrown = attempt(world, actor, command);
        if (thrown != null) {
            throw new AssertionError("the rules permit " + command + " by " + actor + " but it failed", thrown);
        }
        State after = world.state();
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.parts().keySet());
        names.addAll(after.parts().keySet());
        for (String name : names) {
            if (!Objects.equals(before.parts().get(name), after.parts().get(name))) {
                changed.add(name);
            }
        }
        assertThat(changed).as("parts changed by %s by %s", command, actor).isEqualTo(command.changed());
        long last = before.outbox().stream().mapToLong(OutboxEntry::sequence).max().orElse(Long.MIN_VALUE);
        List<String> events = after.outbox().stream().filter(e -> e.sequence() > last && !e.isTimer())
                .map(e -> e.message().type()).toList();
        assertThat(events).as("events of %s by %s", command, actor).isEqualTo(command.events());
        Map<Long, OutboxEntry> earlier = new LinkedHashMap<>();
        before.outbox().stream().filter(e -> !e.isTimer()).forEach(e -> earlier.put(e.sequence(), e));
        after.outbox().stream().filter(e -> earlier.containsKey(e.sequence()))
                .forEach(e -> assertThat(e).as("an earlier event after %s", command).isEqualTo(earlier.get(e.sequence())));
    }

    private static <W extends World> KeylineException attempt(W world, Actor actor, Command<W> command) {
        try {
            command.call().accept(world, actor);
            return null;
        } catch (KeylineException e) {
            return e;
        }
    }
}
