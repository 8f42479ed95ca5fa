package dev.keyline.json;

import dev.keyline.domain.account.AccountActivated;
import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountManagerAssigned;
import dev.keyline.domain.account.AccountPlanDrawn;
import dev.keyline.domain.account.AccountPotentialFlagged;
import dev.keyline.domain.account.AccountProfileUpdated;
import dev.keyline.domain.account.AccountRegistered;
import dev.keyline.domain.account.AccountTeamAssigned;
import dev.keyline.domain.account.AccountTierChanged;
import dev.keyline.domain.account.ChurnWarningCleared;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.account.PlanActionAdded;
import dev.keyline.domain.account.PlanActionCompleted;
import dev.keyline.domain.account.ResourcePlanItemAdded;
import dev.keyline.domain.account.ResourcePlanItemFulfilled;
import dev.keyline.domain.account.RevenueTargetRevised;
import dev.keyline.domain.authority.FloorPriceSet;
import dev.keyline.domain.authority.PriceApprovalRecorded;
import dev.keyline.domain.authority.PriceApproved;
import dev.keyline.domain.authority.PriceRejected;
import dev.keyline.domain.authority.PriceRequested;
import dev.keyline.domain.authority.PriceWithdrawn;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of event types: the stable type name of each event (its {@link DomainEvent#type()})
 * and the record class that reads it back, so a host can turn an outbox payload or a
 * notification into the event again with {@link KeylineJson#readEvent(String, String)}.
 *
 * <p>{@link #standard()} knows every event type of Keyline's areas, so a host (or a runtime built
 * after a restart) reads them back without registering anything; hosts register their own types,
 * and the runtime also registers every type it writes. A name maps to one class for good:
 * registering it again with another class fails. Thread-safe.
 */
public final class EventTypes {

    private final Map<String, Class<? extends DomainEvent>> classes = new ConcurrentHashMap<>();

    /** An empty registry. */
    public EventTypes() {
    }

    /**
     * A registry holding every event type of Keyline's areas, each under its stable type name:
     * key accounts ({@code account.*}), account plans ({@code account-plan.*}) and commercial
     * authorisation ({@code authority.*}).
     *
     * @return a new registry, which the caller may extend
     */
    public static EventTypes standard() {
        return new EventTypes()
                .register(AccountRegistered.TYPE, AccountRegistered.class)
                .register(AccountActivated.TYPE, AccountActivated.class)
                .register(AccountManagerAssigned.TYPE, AccountManagerAssigned.class)
                .register(AccountTeamAssigned.TYPE, AccountTeamAssigned.class)
                .register(AccountProfileUpdated.TYPE, AccountProfileUpdated.class)
                .register(AccountPotentialFlagged.TYPE, AccountPotentialFlagged.class)
                .register(AccountTierChanged.TYPE, AccountTierChanged.class)
                .register(ChurnWarningRaised.TYPE, ChurnWarningRaised.class)
                .register(ChurnWarningCleared.TYPE, ChurnWarningCleared.class)
                .register(AccountExited.TYPE, AccountExited.class)
                .register(AccountPlanDrawn.TYPE, AccountPlanDrawn.class)
                .register(PlanActionAdded.TYPE, PlanActionAdded.class)
                .register(PlanActionCompleted.TYPE, PlanActionCompleted.class)
                .register(ResourcePlanItemAdded.TYPE, ResourcePlanItemAdded.class)
                .register(ResourcePlanItemFulfilled.TYPE, ResourcePlanItemFulfilled.class)
                .register(RevenueTargetRevised.TYPE, RevenueTargetRevised.class)
                .register(PriceRequested.TYPE, PriceRequested.class)
                .register(PriceApprovalRecorded.TYPE, PriceApprovalRecorded.class)
                .register(PriceApproved.TYPE, PriceApproved.class)
                .register(PriceRejected.TYPE, PriceRejected.class)
                .register(PriceWithdrawn.TYPE, PriceWithdrawn.class)
                .register(FloorPriceSet.TYPE, FloorPriceSet.class);
    }

    /**
     * Maps {@code type} to {@code eventClass}.
     *
     * @param type the stable type name, for example {@code account.churn-warning-raised}
     * @param eventClass the record class of events of that type
     * @return this registry
     * @throws SerialisationException when the name is already mapped to another class
     */
    public EventTypes register(String type, Class<? extends DomainEvent> eventClass) {
        Require.nonBlank(type, "type");
        Require.nonNull(eventClass, "eventClass");
        Require.that(eventClass.isRecord(), "eventClass", "must be a record class but was " + eventClass.getName());
        Class<? extends DomainEvent> existing = classes.putIfAbsent(type, eventClass);
        if (existing != null && !existing.equals(eventClass)) {
            throw new SerialisationException("event type '" + type + "' is registered for " + existing.getName()
                    + " and cannot also name " + eventClass.getName());
        }
        return this;
    }

    /** Registers the type of {@code event} for its class. */
    public EventTypes register(DomainEvent event) {
        Require.nonNull(event, "event");
        return register(event.type(), event.getClass());
    }

    /** The class registered for {@code type}, if any. */
    public Optional<Class<? extends DomainEvent>> classOf(String type) {
        Require.nonBlank(type, "type");
        return Optional.ofNullable(classes.get(type));
    }

    /** The registered type names, sorted. */
    public SortedSet<String> types() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(classes.keySet()));
    }
}
