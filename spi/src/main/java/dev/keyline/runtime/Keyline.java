package dev.keyline.runtime;

import dev.keyline.domain.common.ConcurrencyConflictException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.json.KeylineJson;
import dev.keyline.spi.Area;
import dev.keyline.spi.Areas;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.KeptStateOutdatedException;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The entry point a host builds once: one storage provider, any number of notification sinks, the
 * areas' reactions, a clock, the host's time zone and a retry policy, wired explicitly with {@link #builder()}. There is no global state; a
 * host may build several instances (for example one per tenant).
 *
 * <p>Every command runs in one transaction ({@link #execute(Function)}): the command loads
 * aggregates from repositories of the storage provider, calls the domain, and saves through its
 * {@link CommandContext}, which checks versions and appends the raised events to the outbox in
 * the same transaction. The {@link #relay()} then delivers them to the sinks.
 *
 * <p><b>Dates.</b> Instants come from the clock; every calendar date the runtime needs ("today"
 * for a reclassification's run date, churn checks, plan progress) is the clock's instant in the
 * host's {@link #zone()}, {@value #DEFAULT_ZONE_ID} unless the builder's {@link Builder#zone(ZoneId)}
 * says otherwise. The clock's own zone is not used for dates.
 *
 * <p><b>When a command fails.</b> The exception propagates unchanged and the transaction rolls
 * back: no state change and no outbox entry of it survives, so none of its events is ever
 * delivered. The events are not lost silently: they described changes that did not happen. The
 * aggregate objects the command saved no longer match storage (their version was advanced and
 * their events drained into the discarded transaction), so a retry must load them afresh and run
 * the command again, which raises the events anew; saving such an object again fails (with
 * {@code StaleVersionException}, or {@code NotFoundException} when its insert was rolled back)
 * rather than writing anything.
 *
 * <p><b>Concurrent changes.</b> When a command that started its own transaction fails with a
 * {@link StaleVersionException} (another transaction saved an aggregate it had loaded, or
 * scheduled a timer under the same key, and committed first), the runtime rolls back and runs the
 * whole command again, which loads the aggregates afresh, up to {@link #staleRetries()} more times
 * ({@value Builder#DEFAULT_STALE_RETRIES} unless the builder's {@link Builder#staleRetries(int)}
 * says otherwise). Each attempt reads the time afresh, and only when the command first asks for it
 * ({@link CommandContext#now()}), after the loads that precede it: a rival that read a later time
 * but committed before this command loaded the aggregate cannot make this command's change "dated
 * before the last change". When the last attempt fails too, it throws a {@link ConcurrencyConflictException}
 * naming the entity and the number of attempts; no attempt wrote anything. Only stale versions are
 * retried: a domain rejection, a refused access check, an {@code AlreadyExistsException} (two
 * commands creating the same aggregate: running the creation again would fail the same way) and
 * every other failure propagate at once. A command that joins a transaction already active on the
 * thread is never retried on its own: its stale version propagates at once, and the command that
 * started the transaction decides. A {@link KeptStateOutdatedException} (the provider loaded an
 * aggregate from a state it kept, which another process had replaced before the command began)
 * is run again once without counting against {@link #staleRetries()}; the provider has forgotten
 * that state, so the next attempt reads it afresh. Since a command may run more than once, it should have no
 * effects outside its transaction (sending mail, counting in memory) other than through the outbox.
 */
public final class Keyline {

    /** The id of the default host time zone: the seed's operator is in China. */
    public static final String DEFAULT_ZONE_ID = "Asia/Shanghai";

    /** The default host time zone, {@value #DEFAULT_ZONE_ID}. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of(DEFAULT_ZONE_ID);

    private final StorageProvider storage;
    private final List<NotificationSink> sinks;
    private final List<Reaction> reactions;
    private final Clock clock;
    private final ZoneId zone;
    private final RetryPolicy retryPolicy;
    private final int staleRetries;
    private final KeylineJson json;
    private final Relay relay;

    private Keyline(Builder b) {
        this.storage = b.storage;
        this.sinks = List.copyOf(b.sinks);
        this.reactions = List.copyOf(b.wiredReactions);
        this.clock = b.clock;
        this.zone = b.zone;
        this.retryPolicy = b.retryPolicy;
        this.staleRetries = b.staleRetries;
        this.json = b.json;
        this.relay = new Relay(storage, sinks, reactions, clock, zone, retryPolicy, json);
    }

    /**
     * A builder with the system UTC clock, the host time zone {@value #DEFAULT_ZONE_ID}, the default
     * retry policy and no sinks.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code command} in one transaction (joining one already active on this thread) and
     * returns its result; see the type's description for what happens on failure, and for the runs
     * again after a stale version when the command started the transaction.
     *
     * @param command the command
     * @param <T> its result type
     * @return its result
     * @throws ConcurrencyConflictException when every attempt lost to a concurrent change
     */
    public <T> T execute(Function<CommandContext, T> command) {
        Require.nonNull(command, "command");
        if (storage.transactions().isActive()) {
            return attempt(command);
        }
        int attempts = 0;
        boolean outdatedRetried = false;
        while (true) {
            attempts++;
            try {
                return attempt(command);
            } catch (KeptStateOutdatedException e) {
                // no rival raced this command: a kept state was old before it began, and the
                // provider has forgotten it; one more attempt reads afresh, not counted
                if (!outdatedRetried) {
                    outdatedRetried = true;
                    attempts--;
                } else if (attempts > staleRetries) {
                    throw new ConcurrencyConflictException(attempts, e);
                }
            } catch (StaleVersionException e) {
                if (attempts > staleRetries) {
                    throw new ConcurrencyConflictException(attempts, e);
                }
            }
        }
    }

    /** Runs the command once in a transaction of its own, or joined to the thread's. */
    private <T> T attempt(Function<CommandContext, T> command) {
        return storage.transactions().execute(() -> {
            CommandContext context = new CommandContext(clock, zone, storage.outbox(), json);
            try {
                return command.apply(context);
            } finally {
                context.close();
            }
        });
    }

    /**
     * Runs {@code command} in one transaction (joining one already active on this thread).
     *
     * @param command the command
     */
    public void run(Consumer<CommandContext> command) {
        Require.nonNull(command, "command");
        execute(context -> {
            command.accept(context);
            return null;
        });
    }

    /** {@return the clock every time of the runtime comes from} */
    public Clock clock() {
        return clock;
    }

    /**
     * The host's time zone, in which every calendar date of the runtime is taken.
     *
     * @return the zone; {@value #DEFAULT_ZONE_ID} unless the builder set another
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Today's date in the host's time zone, read from the clock now.
     *
     * @return the date
     */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** {@return the storage provider} */
    public StorageProvider storage() {
        return storage;
    }

    /** {@return the storage provider's transaction boundary} */
    public Transactions transactions() {
        return storage.transactions();
    }

    /**
     * {@return the runtime's JSON, whose event registry knows every event type the runtime has
     * written}
     */
    public KeylineJson json() {
        return json;
    }

    /** {@return the notification sinks, in the order they were added} */
    public List<NotificationSink> sinks() {
        return sinks;
    }

    /**
     * {@return the reactions the relay delivers to: those of every {@link RuntimeArea} of an area
     * the storage stores, then those given to the builder}
     */
    public List<Reaction> reactions() {
        return reactions;
    }

    /** {@return the retry policy of the relay} */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * How many times a command that lost to a concurrent change is run again before
     * {@link #execute} gives up with a {@link ConcurrencyConflictException}.
     *
     * @return the retries, 0 or more; {@value Builder#DEFAULT_STALE_RETRIES} unless the builder set another
     */
    public int staleRetries() {
        return staleRetries;
    }

    /** {@return the relay that delivers this runtime's outbox to its sinks} */
    public Relay relay() {
        return relay;
    }

    /**
     * Wires a {@link Keyline}. Exactly one storage provider is required; sinks are added
     * explicitly, or found with {@link #discoverSinks()} when the host opts in.
     */
    public static final class Builder {

        /** The longest sink name the outbox stores. */
        public static final int MAX_SINK_NAME_LENGTH = 255;

        /** How many times a command that lost to a concurrent change runs again by default: 3. */
        public static final int DEFAULT_STALE_RETRIES = 3;

        /** The most retries {@link #staleRetries(int)} accepts: 100. */
        public static final int MAX_STALE_RETRIES = 100;

        private StorageProvider storage;
        private final List<NotificationSink> sinks = new ArrayList<>();
        private final List<Reaction> reactions = new ArrayList<>();
        private List<Reaction> wiredReactions = List.of();
        private boolean areaReactions = true;
        // microsecond ticks: the finest precision PostgreSQL keeps, so stored times read back equal
        private Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        private ZoneId zone = DEFAULT_ZONE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int staleRetries = DEFAULT_STALE_RETRIES;
        private KeylineJson json;

        private Builder() {
        }

        /**
         * The storage provider; exactly one.
         *
         * @param provider the storage provider, for example an {@code InMemoryStorage} or a {@code JdbcStorage}
         * @return this builder
         * @throws ConfigurationException when one was already given
         */
        public Builder storage(StorageProvider provider) {
            Require.nonNull(provider, "provider");
            if (storage != null && storage != provider) {
                throw new ConfigurationException("a storage provider is already set (" + storage.name()
                        + "); Keyline uses exactly one, so '" + provider.name() + "' cannot be added");
            }
            this.storage = provider;
            return this;
        }

        /**
         * Adds a notification sink. Sinks are told apart by {@link NotificationSink#name()}: the
         * outbox keeps each sink's delivery state under its name, so names must be unique, not
         * blank, at most {@value #MAX_SINK_NAME_LENGTH} characters, and stable across restarts.
         *
         * @param sink the sink, with a name unique among the runtime's sinks and reactions
         * @return this builder
         */
        public Builder sink(NotificationSink sink) {
            sinks.add(Require.nonNull(sink, "sink"));
            return this;
        }

        /**
         * Adds a reaction of the host's own, next to the reactions of the areas the storage stores
         * (see {@link RuntimeArea}). Its name must be unique among reactions and sinks.
         *
         * @param reaction the host's reaction
         * @return this builder
         */
        public Builder reaction(Reaction reaction) {
            reactions.add(Require.nonNull(reaction, "reaction"));
            return this;
        }

        /**
         * Whether to wire the reactions of the areas the storage stores (see {@link RuntimeArea});
         * on by default. Turn it off only for a runtime that must not apply them (a relay that serves
         * sinks alone, while another runtime on the same storage keeps the areas' projections):
         * without them, the projections they keep fall behind, for example commercial
         * authorisation's account standings.
         *
         * @param wire true to wire them (the default), false for a runtime that must not apply them
         * @return this builder
         */
        public Builder areaReactions(boolean wire) {
            this.areaReactions = wire;
            return this;
        }

        /**
         * Adds notification sinks in order.
         *
         * @param sinks the sinks, in order
         * @return this builder
         */
        public Builder sinks(List<? extends NotificationSink> sinks) {
            for (NotificationSink s : Require.nonNullElements(sinks, "sinks")) {
                this.sinks.add(s);
            }
            return this;
        }

        /**
         * Adds every {@link NotificationSink} that {@link ServiceLoader} finds with the context
         * class loader of the calling thread (or this library's loader when there is none). Opt-in:
         * a sink merely present on the class path is never used otherwise.
         *
         * @return this builder
         * @throws ConfigurationException when a listed sink cannot be loaded
         */
        public Builder discoverSinks() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return discoverSinks(loader != null ? loader : Keyline.class.getClassLoader());
        }

        /**
         * Adds every {@link NotificationSink} that {@link ServiceLoader} finds with {@code loader}.
         *
         * @param loader the class loader to search
         * @return this builder
         * @throws ConfigurationException when a listed sink cannot be loaded
         */
        public Builder discoverSinks(ClassLoader loader) {
            Require.nonNull(loader, "loader");
            try {
                for (NotificationSink sink : ServiceLoader.load(NotificationSink.class, loader)) {
                    sinks.add(sink);
                }
            } catch (ServiceConfigurationError e) {
                throw new ConfigurationException("a notification sink listed for ServiceLoader cannot be loaded: "
                        + e.getMessage(), e);
            }
            return this;
        }

        /**
         * The clock for every time the runtime reads; defaults to the system UTC clock ticking in
         * whole microseconds, the finest precision the JDBC provider stores.
         *
         * @param clock the clock every time of the runtime is read from
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Require.nonNull(clock, "clock");
            return this;
        }

        /**
         * The host's time zone: every calendar date the runtime needs ("today" for a
         * reclassification, churn checks, plan progress) is the clock's instant in this zone.
         * Defaults to {@value Keyline#DEFAULT_ZONE_ID}; the clock's own zone is not used for dates.
         *
         * @param zone the zone, for example {@code ZoneId.of("Asia/Shanghai")}
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Require.nonNull(zone, "zone");
            return this;
        }

        /**
         * The relay's retry policy; defaults to {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the relay's retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Require.nonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * How many times {@link Keyline#execute} runs a command again after it failed with a
         * {@link StaleVersionException}, loading its aggregates afresh each time, before it gives up
         * with a {@link ConcurrencyConflictException}; defaults to {@value #DEFAULT_STALE_RETRIES}.
         *
         * @param retries 0 (fail at the first conflict) to {@value #MAX_STALE_RETRIES}
         * @return this builder
         * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code staleRetries} when out of range
         */
        public Builder staleRetries(int retries) {
            Require.that(retries >= 0 && retries <= MAX_STALE_RETRIES, "staleRetries",
                    () -> "must be 0 to " + MAX_STALE_RETRIES + " but was " + retries);
            this.staleRetries = retries;
            return this;
        }

        /**
         * The JSON to write events with; defaults to {@link KeylineJson#create()}.
         *
         * @param json the JSON to write events with
         * @return this builder
         */
        public Builder json(KeylineJson json) {
            this.json = Require.nonNull(json, "json");
            return this;
        }

        /**
         * {@return the runtime}
         *
         * @throws ConfigurationException when no storage provider was given, or a sink's name is
         *     blank, too long or the name of another sink, or a reaction has the name of a sink or
         *     of another reaction
         */
        public Keyline build() {
            if (storage == null) {
                throw new ConfigurationException("no storage provider: call storage(...) with one, for example "
                        + "new dev.keyline.memory.InMemoryStorage()");
            }
            Set<String> names = new HashSet<>();
            for (NotificationSink sink : sinks) {
                String name = sink.name();
                if (name == null || name.isBlank() || name.length() > MAX_SINK_NAME_LENGTH) {
                    throw new ConfigurationException("notification sink " + sink.getClass().getName() + " has the name '"
                            + name + "'; a sink's name must be non-blank and at most " + MAX_SINK_NAME_LENGTH
                            + " characters, as the outbox keeps each sink's delivery state under it");
                }
                if (!names.add(name)) {
                    throw new ConfigurationException("two notification sinks are named '" + name + "'; sink names must be "
                            + "unique, as the outbox keeps each sink's delivery state under its name: give one of "
                            + "them another name");
                }
            }
            List<Reaction> all = new ArrayList<>(areaReactions ? areaReactions() : List.of());
            all.addAll(reactions);
            Set<String> reactionNames = new HashSet<>();
            for (Reaction reaction : all) {
                if (names.contains(reaction.name())) {
                    throw new ConfigurationException("the reaction '" + reaction.name() + "' has the name of a notification "
                            + "sink; the outbox keeps the delivery state of sinks and reactions under their names, so "
                            + "rename one of them");
                }
                if (!reactionNames.add(reaction.name())) {
                    throw new ConfigurationException("two reactions are named '" + reaction.name() + "'; reaction names "
                            + "must be unique, as the outbox keeps each reaction's delivery state and receipts under "
                            + "its name");
                }
            }
            wiredReactions = all;
            if (json == null) {
                json = KeylineJson.create();
            }
            return new Keyline(this);
        }

        /** The reactions of the discovered runtime areas whose area the storage stores. */
        private List<Reaction> areaReactions() {
            Set<String> stored = storage.areas().stream().map(Area::name).collect(Collectors.toSet());
            List<Reaction> found = new ArrayList<>();
            for (RuntimeArea area : Areas.discover(RuntimeArea.class, RuntimeArea::name)) {
                if (stored.contains(area.name())) {
                    found.addAll(Require.nonNullElements(area.reactions(storage), "reactions of area " + area.name()));
                }
            }
            return found;
        }
    }
}
