package dev.keyline.tck;

import static dev.keyline.tck.account.KeyAccountServiceFixture.CHEN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.LI;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.StorageProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The runner of an area's "Authorisation" suite told as a scenario: a list of steps that take one
 * world through an aggregate's life (targets, draft, submit, … close), each step one command whose
 * permitted actors are stated as a rule (a predicate written from the area's documented access
 * rules, never from the services' code).
 *
 * <p>At each step every actor of {@link #actors()} (one per {@link Role}, with the scope variants)
 * and the step's extra actors is sorted by the rule. Every refused actor runs the command first, on
 * the world as the earlier steps left it: it must throw {@link NotAuthorisedException}, and the
 * stored state the area reads ({@link AuthorisationWorld#stored()}) and the whole outbox must be
 * exactly as before. Then the first permitted actor runs it on the same world: it must succeed,
 * change exactly the parts of the state the step names and write exactly the events it names, in
 * order; the next step starts from there. With {@code everyPermittedActor}, each further permitted
 * actor runs the step on a fresh world brought to the same point by replaying the earlier steps.
 *
 * @param <W> the area's world
 */
public final class AuthorisationScenario<W extends AuthorisationScenario.AuthorisationWorld> {

    /** An area's world: a runtime over one storage, with what the area stores read as named parts. */
    public interface AuthorisationWorld {

        /**
         * The storage the world runs on.
         *
         * @return the storage
         */
        StorageProvider storage();

        /**
         * Everything the scenario's commands may change, read through the repositories, by part name
         * (for example {@code budget:SZ-2027}); called inside a transaction. A part absent or empty
         * is given as {@code Optional.empty()} or an empty list, so that its creation is a change.
         *
         * @return the parts, by name
         */
        Map<String, Object> stored();
    }

    /**
     * One command of the scenario.
     *
     * @param method the service method, as {@code SimpleClassName.method}
     * @param label what the step does, for messages
     * @param allowed the stated rule: whether an actor may run it at this point
     * @param call runs it
     * @param changed the parts a permitted run changes
     * @param events the types of the events a permitted run writes, in order
     * @param extraActors actors besides {@link #actors()} that matter to this step (four eyes,
     *     nobody rewarding themselves)
     * @param <W> the world
     */
    public record Step<W>(String method, String label, Predicate<Actor> allowed, BiConsumer<W, Actor> call,
            Set<String> changed, List<String> events, List<Actor> extraActors) {

        /** Copies the collections. */
        public Step {
            changed = Set.copyOf(changed);
            events = List.copyOf(events);
            extraActors = List.copyOf(extraActors);
        }

        /**
         * A step without extra actors.
         *
         * @param method the service method
         * @param label what it does
         * @param allowed the rule
         * @param call the call
         * @param changed the parts a permitted run changes
         * @param events the events it writes
         * @param <W> the world
         * @return the step
         */
        public static <W> Step<W> of(String method, String label, Predicate<Actor> allowed, BiConsumer<W, Actor> call,
                Set<String> changed, String... events) {
            return new Step<>(method, label, allowed, call, changed, List.of(events), List.of());
        }

        /**
         * This step with more actors to try.
         *
         * @param actors the actors
         * @return the step
         */
        public Step<W> alsoBy(Actor... actors) {
            List<Actor> all = new ArrayList<>(extraActors);
            all.addAll(List.of(actors));
            return new Step<>(method, label, allowed, call, changed, events, all);
        }

        @Override
        public String toString() {
            return method + " (" + label + ")";
        }
    }

    /** What a run of a scenario counted. */
    public record Counts(int steps, int refused, int permitted) {
    }

    /** The industry manager of tourism, who leads no industry of the finance-side examples. */
    public static final Actor TANG = Actor.industryManager(new UserId("tang"), List.of(Industry.TOURISM));

    private final List<Step<W>> steps;
    private final Supplier<W> newWorld;

    /**
     * A scenario.
     *
     * @param newWorld builds a fresh world on a fresh storage, before any step
     * @param steps the steps, in order
     */
    public AuthorisationScenario(Supplier<W> newWorld, List<Step<W>> steps) {
        this.newWorld = Objects.requireNonNull(newWorld);
        this.steps = List.copyOf(steps);
    }

    /**
     * Every role of the kernel, one actor each, and the scope variants of the key-account world
     * ({@link dev.keyline.tck.account.KeyAccountServiceFixture}): Wang manages the bank, Li the hotel
     * group; Chen leads finance (the bank's industry), Tang tourism. The other roles are held by
     * {@code r<ordinal>}.
     *
     * @return the actors
     */
    public static List<Actor> actors() {
        List<Actor> actors = new ArrayList<>(List.of(WANG, LI, CHEN, TANG));
        for (Role role : Role.values()) {
            if (role != Role.ACCOUNT_MANAGER && role != Role.INDUSTRY_MANAGER) {
                actors.add(Actor.withRoles(new UserId("r" + role.ordinal()), role));
            }
        }
        return List.copyOf(actors);
    }

    /**
     * The actor of {@link #actors()} holding a role alone (for roles other than the account and the
     * industry manager).
     *
     * @param role the role
     * @return the actor
     */
    public static Actor holding(Role role) {
        return actors().stream().filter(a -> a.roles().equals(Set.of(role))).findFirst().orElseThrow();
    }

    /**
     * The rule "holds one of these roles".
     *
     * @param roles the roles
     * @return the rule
     */
    public static Predicate<Actor> anyOf(Role... roles) {
        Set<Role> set = EnumSet.copyOf(List.of(roles));
        return actor -> actor.roles().stream().anyMatch(set::contains);
    }

    /**
     * The service methods the scenario covers.
     *
     * @return the methods, as {@code SimpleClassName.method}
     */
    public Set<String> methods() {
        Set<String> methods = new TreeSet<>();
        steps.forEach(step -> methods.add(step.method()));
        return methods;
    }

    /**
     * Runs the scenario.
     *
     * @param everyPermittedActor whether each further permitted actor of a step is run too, each on a
     *     fresh world replayed to that step
     * @return what was counted
     */
    public Counts run(boolean everyPermittedActor) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        actors().forEach(a -> held.addAll(a.roles()));
        assertThat(held).as("the actors hold every role").isEqualTo(EnumSet.allOf(Role.class));
        W world = newWorld.get();
        int refused = 0;
        int permitted = 0;
        List<Actor> canonical = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step<W> step = steps.get(i);
            List<Actor> allowed = new ArrayList<>();
            List<Actor> denied = new ArrayList<>();
            List<Actor> all = new ArrayList<>(actors());
            all.addAll(step.extraActors());
            for (Actor actor : all) {
                (step.allowed().test(actor) ? allowed : denied).add(actor);
            }
            assertThat(allowed).as("someone may %s", step).isNotEmpty();
            State before = state(world);
            for (Actor actor : denied) {
                KeylineException thrown = attempt(world, actor, step);
                assertThat(thrown).as("the rules refuse %s by %s", step, actor).isInstanceOf(NotAuthorisedException.class);
                State after = state(world);
                assertThat(after.stored()).as("stored state after the refused %s by %s", step, actor)
                        .isEqualTo(before.stored());
                assertThat(after.outbox()).as("outbox after the refused %s by %s", step, actor).isEqualTo(before.outbox());
                refused++;
            }
            checkPermitted(world, before, allowed.get(0), step);
            permitted++;
            canonical.add(allowed.get(0));
            if (everyPermittedActor) {
                for (Actor actor : allowed.subList(1, allowed.size())) {
                    W fresh = newWorld.get();
                    for (int j = 0; j < i; j++) {
                        steps.get(j).call().accept(fresh, canonical.get(j));
                    }
                    checkPermitted(fresh, state(fresh), actor, step);
                    permitted++;
                }
            }
        }
        return new Counts(steps.size(), refused, permitted);
    }

    private void checkPermitted(W world, State before, Actor actor, Step<W> step) {
        KeylineException thrown = attempt(world, actor, step);
        if (thrown != null) {
            throw new AssertionError("the rules permit " + step + " by " + actor + " but it failed", thrown);
        }
        State after = state(world);
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.stored().keySet());
        names.addAll(after.stored().keySet());
        for (String name : names) {
            if (!Objects.equals(before.stored().get(name), after.stored().get(name))) {
                changed.add(name);
            }
        }
        assertThat(changed).as("parts changed by %s by %s", step, actor).isEqualTo(new TreeSet<>(step.changed()));
        List<OutboxEntry> old = before.outbox();
        List<OutboxEntry> all = after.outbox();
        assertThat(all.subList(0, Math.min(old.size(), all.size()))).as("the outbox only grows").isEqualTo(old);
        assertThat(all.subList(old.size(), all.size()).stream().map(e -> e.message().type()).toList())
                .as("events of %s by %s", step, actor).isEqualTo(step.events());
    }

    private KeylineException attempt(W world, Actor actor, Step<W> step) {
        try {
            step.call().accept(world, actor);
            return null;
        } catch (KeylineException e) {
            return e;
        }
    }

    private State state(W world) {
        StorageProvider storage = world.storage();
        return storage.transactions().execute(() -> {
            Map<String, Object> stored = new LinkedHashMap<>(world.stored());
            List<OutboxEntry> entries = new ArrayList<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                entries.addAll(storage.outbox().list(status, 100_000));
            }
            entries.sort(Comparator.comparingLong(OutboxEntry::sequence));
            return new State(stored, List.copyOf(entries));
        });
    }

    /** The stored parts and the whole outbox at one moment. */
    private record State(Map<String, Object> stored, List<OutboxEntry> outbox) {
    }
}
