package dev.keyline.domain.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The pattern every aggregate follows: an id, a version for optimistic concurrency, and the events
 * its changes raised, which the runtime drains into the outbox.
 *
 * <p>Subclasses are final, have no setters and change only through intention-revealing methods
 * that either keep every invariant or throw before changing anything. They are created by a
 * factory method (version 0, never saved) or by one static {@code restore(...)} method that
 * validates stored data again and throws {@link CorruptStateException} on violation.
 *
 * @param <I> the identifier type
 */
public abstract class AggregateRoot<I extends Identifier> {

    private final I id;
    private long version;
    private final List<DomainEvent> pendingEvents = new ArrayList<>();

    /**
     * @param id the identity
     * @param version the stored version, 0 for an aggregate never saved
     */
    protected AggregateRoot(I id, long version) {
        this.id = Require.nonNull(id, "id");
        this.version = Require.nonNegative(version, "version");
    }

    /** {@return the identity} */
    public final I id() {
        return id;
    }

    /** {@return the version this object was loaded or last saved at; 0 when never saved} */
    public final long version() {
        return version;
    }

    /**
     * Records an event raised by a change; call only after the change succeeded.
     *
     * @param event the event
     */
    protected final void record(DomainEvent event) {
        pendingEvents.add(Require.nonNull(event, "event"));
    }

    /**
     * Events recorded since the last drain, oldest first.
     *
     * @return the events, oldest first
     */
    public final List<DomainEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /**
     * Returns and forgets the recorded events; called by the runtime when it saves.
     *
     * @return the events recorded since the last drain, oldest first
     */
    public final List<DomainEvent> drainEvents() {
        List<DomainEvent> drained = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return drained;
    }

    /**
     * Called by a repository after a successful save: the aggregate now stands at {@code newVersion}.
     *
     * @param newVersion exactly one more than {@link #version()}
     */
    public final void markSaved(long newVersion) {
        if (newVersion != version + 1) {
            throw new InvalidArgumentException("newVersion", "must be " + (version + 1) + " but was " + newVersion);
        }
        this.version = newVersion;
    }

    /**
     * Called by a repository that queued a save, reported it done with {@link #markSaved(long)},
     * and then failed to write it when it sent the queued writes (at the latest when the
     * transaction committed, which then rolled back): the aggregate stands at its version before
     * that save again, as if the save had failed at once.
     *
     * @param previousVersion exactly one less than {@link #version()}
     */
    public final void markUnsaved(long previousVersion) {
        if (previousVersion != version - 1 || previousVersion < 0) {
            throw new InvalidArgumentException("previousVersion", "must be " + (version - 1) + " but was "
                    + previousVersion);
        }
        this.version = previousVersion;
    }
}
