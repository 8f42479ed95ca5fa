package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.keyline.spi.Area;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standard registry is derived from the areas' sealed event interfaces, not listed by hand. */
class EventTypesStandardTest {

    /** Every event type the registry listed by hand before areas registered themselves. */
    private static final Map<String, Class<?>> LISTED_BY_HAND = Map.ofEntries(
                Map.entry(AccountRegistered.TYPE, AccountRegistered.class),
                Map.entry(AccountActivated.TYPE, AccountActivated.class),
                Map.entry(AccountManagerAssigned.TYPE, AccountManagerAssigned.class),
                Map.entry(AccountTeamAssigned.TYPE, AccountTeamAssigned.class),
                Map.entry(AccountProfileUpdated.TYPE, AccountProfileUpdated.class),
                Map.entry(AccountPotentialFlagged.TYPE, AccountPotentialFlagged.class),
                Map.entry(AccountTierChanged.TYPE, AccountTierChanged.class),
                Map.entry(ChurnWarningRaised.TYPE, ChurnWarningRaised.class),
                Map.entry(ChurnWarningCleared.TYPE, ChurnWarningCleared.class),
                Map.entry(AccountExited.TYPE, AccountExited.class),
                Map.entry(AccountPlanDrawn.TYPE, AccountPlanDrawn.class),
                Map.entry(PlanActionAdded.TYPE, PlanActionAdded.class),
                Map.entry(PlanActionCompleted.TYPE, PlanActionCompleted.class),
                Map.entry(ResourcePlanItemAdded.TYPE, ResourcePlanItemAdded.class),
                Map.entry(ResourcePlanItemFulfilled.TYPE, ResourcePlanItemFulfilled.class),
                Map.entry(RevenueTargetRevised.TYPE, RevenueTargetRevised.class),
                Map.entry(PriceRequested.TYPE, PriceRequested.class),
                Map.entry(PriceApprovalRecorded.TYPE, PriceApprovalRecorded.class),
                Map.entry(PriceApproved.TYPE, PriceApproved.class),
                Map.entry(PriceRejected.TYPE, PriceRejected.class),
                Map.entry(PriceWithdrawn.TYPE, PriceWithdrawn.class),
                Map.entry(FloorPriceSet.TYPE, FloorPriceSet.class));

    @Test
    void everyEventTypeOnceListedByHandIsStillRegisteredUnderTheSameName() {
        EventTypes standard = EventTypes.standard();

        assertThat(LISTED_BY_HAND).hasSize(22);
        LISTED_BY_HAND.forEach((type, eventClass) ->
                assertThat(standard.classOf(type)).as(type).contains(eventClass.asSubclass(DomainEvent.class)));
        assertThat(standard.types()).filteredOn(t -> t.startsWith("account") || t.startsWith("authority"))
                .containsExactlyInAnyOrderElementsOf(LISTED_BY_HAND.keySet());
    }

    /** An event whose class declares no TYPE constant. */
    private record Untyped(dev.keyline.domain.common.EventId eventId, java.time.Instant occurredAt) implements Nameless {

        @Override
        public String aggregateId() {
            return "x";
        }

        @Override
        public String type() {
            return "untyped";
        }

        @Override
        public dev.keyline.domain.common.Audience audience() {
            return dev.keyline.domain.common.Audience.of("untyped");
        }
    }

    private sealed interface Nameless extends DomainEvent permits Untyped {
    }

    @Test
    void anAreaEventWithoutATypeConstantIsRefusedNamingTheEventAndTheArea() {
        Area area = new Area() {
            @Override
            public String name() {
                return "nameless";
            }

            @Override
            public Set<Class<?>> ports() {
                return Set.of();
            }

            @Override
            public Set<Class<? extends DomainEvent>> eventRoots() {
                return Set.of(Nameless.class);
            }
        };

        assertThatThrownBy(() -> new EventTypes().registerArea(area)).isInstanceOf(SerialisationException.class)
                .hasMessageContaining(Untyped.class.getName()).hasMessageContaining("'nameless'")
                .hasMessageContaining("TYPE");
    }
}
