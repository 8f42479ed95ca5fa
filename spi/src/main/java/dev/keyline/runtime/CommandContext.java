package dev.keyline.runtime;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.json.KeylineJson;
import dev.keyline.spi.AggregateRepository;
import dev.keyline.spi.Outbox;
import dev.keyline.spi.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command sees while it runs in its transaction (see {@link Keyline#execute}): the time of
 * the command and the means to save aggregates and publish events. Valid only while the command
 * runs; afterwards every method throws {@link InvalidStateException}.
 */
public final class CommandContext {

    private Instant now;
    private final Clock clock;
    private final ZoneId zone;
    private final Outbox outbox;
    private final KeylineJson json;
    private final List<DomainEvent> published = new ArrayList<>();
    private boolean open = true;

    CommandContext(Clock clock, ZoneId zone, Outbox outbox, KeylineJson json) {
        this.clock = clock;
        this.zone = zone;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * The time of the command, read once from the runtime's clock the first time the command asks
     * for it, so all its parts agree. Each attempt of a retried command has a context of its own
     * and reads the clock afresh, and a command that loads its aggregates before it asks for the
     * time dates its change after every change it loaded: a rival that read a later time but
     * committed before the load can never leave this command's change "dated before the last
     * change".
     *
     * @return the time of the command
     */
    public Instant now() {
        requireOpen();
        if (now == null) {
            now = clock.instant();
        }
        return now;
    }

    /**
     * {@return the runtime's clock, for commands that need a later reading; dates come from {@link
     * #today()}}
     */
    public Clock clock() {
        requireOpen();
        return clock;
    }

    /**
     * {@return the host's time zone ({@link Keyline#zone()}), in which the command's dates are
     * taken}
     */
    public ZoneId zone() {
        requireOpen();
        return zone;
    }

    /**
     * The date of the command in the host's time zone: {@link #now()} in {@link #zone()}. Every
     * "today" of a command (a run date's check, churn observations, plan progress) is this date.
     *
     * @return the date
     */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    /**
     * Saves {@code aggregate} with the repository's version check and appends the events it raised
     * since its last save to the outbox, in the command's transaction.
     *
     * <p>When the version check fails, nothing is saved, nothing is appended and the aggregate
     * keeps its events. Otherwise its events are drained: they now belong to the transaction, and
     * are delivered if and only if it commits.
     *
     * @param repository the aggregate's repository, of the runtime's storage provider
     * @param aggregate the aggregate to save
     * @param <A> the aggregate type
     * @param <I> its identifier type
     */
    public <A extends AggregateRoot<I>, I extends Identifier> void save(AggregateRepository<A, I> repository, A aggregate) {
        requireOpen();
        Require.nonNull(repository, "repository");
        Require.nonNull(aggregate, "aggregate");
        List<DomainEvent> events = aggregate.pendingEvents();
        List<OutboxMessage> messages = messages(events);
        repository.save(aggregate);
        outbox.append(messages);
        aggregate.drainEvents();
        published.addAll(events);
    }

    /**
     * Appends an event that no aggregate raised (for example a population-wide finding) to the
     * outbox, in the command's transaction.
     *
     * @param event the event
     */
    public void publish(DomainEvent event) {
        requireOpen();
        Require.nonNull(event, "event");
        outbox.append(messages(List.of(event)));
        published.add(event);
    }

    /**
     * Schedules a timer in the command's transaction: {@code event} is written to the outbox, due at
     * its {@link DomainEvent#occurredAt()} (a time already past makes it due at once), and the
     * pending timer with the same key (one no relay has claimed yet) is deleted, so one timer per
     * key is pending. When the time comes the relay delivers the event to the sinks and reactions
     * like any other event (at least once); before then it holds back none of its aggregate's other
     * events. A timer already claimed is not replaced: it will be delivered, so whoever handles its
     * event re-checks the state it acts on. See {@link Outbox#schedule}.
     *
     * <p>Keys name what the timer is for, for example {@code resource.reservation-expiry/R-17}: one
     * key per thing that can be due, so a changed plan reschedules under the same key.
     *
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH} characters
     * @param event the event to deliver when due
     * @return whether a pending timer with the key was replaced
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     * @throws dev.keyline.domain.common.StaleVersionException when a concurrent command scheduled
     *     under the same key and committed first (the runtime then runs the command again)
     */
    public boolean schedule(String timerKey, DomainEvent event) {
        requireOpen();
        Require.nonNull(event, "event");
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        return outbox.schedule(messages(List.of(event)).get(0), timerKey);
    }

    /**
     * Cancels the pending timer with this key (one no relay has claimed yet), in the command's
     * transaction. A timer already claimed is not touched: it will be delivered.
     *
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH} characters
     * @return whether a pending timer was cancelled
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     */
    public boolean cancelTimer(String timerKey) {
        requireOpen();
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        return outbox.cancelTimer(timerKey);
    }

    /**
     * {@link #schedule} for a command that does not need to know whether a pending timer was
     * replaced: the same timer, written and replaced in the command's transaction. Knowing nothing
     * to report, the storage may send the old timer's delete with the command's other writes
     * instead of at once: on PostgreSQL the JDBC provider then writes the command in one round trip
     * and the commit (see {@link Outbox#setTimer}). The areas' own timers (a reservation's expiry,
     * a stage's and a fault ticket's alerts) are set this way.
     *
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH} characters
     * @param event the event to deliver when due
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     * @throws dev.keyline.domain.common.StaleVersionException when a concurrent command scheduled
     *     under the same key and committed while this one was writing it (the runtime then runs the
     *     command again), perhaps at the command's next statement or its commit; one that committed
     *     before this command's delete ran is simply replaced (see {@link Outbox#setTimer})
     */
    public void setTimer(String timerKey, DomainEvent event) {
        requireOpen();
        Require.nonNull(event, "event");
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        outbox.setTimer(messages(List.of(event)).get(0), timerKey);
    }

    /**
     * {@link #cancelTimer} for a command that does not need to know whether a pending timer was
     * cancelled: the pending timer with this key, if any, is deleted in the command's transaction,
     * perhaps sent with its other writes (see {@link Outbox#clearTimer}). A timer already claimed is
     * not touched.
     *
     * @param timerKey the key, non-blank, at most {@value dev.keyline.domain.common.Limits#TIMER_KEY_LENGTH} characters
     * @throws dev.keyline.domain.common.InvalidArgumentException naming {@code timerKey} when it is
     *     blank, too long or not storable
     */
    public void clearTimer(String timerKey) {
        requireOpen();
        Limits.text(timerKey, "timerKey", Limits.TIMER_KEY_LENGTH);
        outbox.clearTimer(timerKey);
    }

    /**
     * {@return the events this command has appended so far, oldest first; timers it scheduled are
     * not among them (they are not yet due and may still be cancelled)}
     */
    public List<DomainEvent> published() {
        return List.copyOf(published);
    }

    void close() {
        open = false;
    }

    private List<OutboxMessage> messages(List<DomainEvent> events) {
        List<OutboxMessage> messages = new ArrayList<>(events.size());
        for (DomainEvent e : events) {
            messages.add(new OutboxMessage(e.eventId(), e.aggregateId(), e.type(), e.occurredAt(), e.audience(),
                    json.writeEvent(e)));
        }
        return messages;
    }

    private void requireOpen() {
        if (!open) {
            throw new InvalidStateException("the command has ended; its context cannot be used any more");
        }
    }
}
