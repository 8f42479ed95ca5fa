package dev.keyline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.AccountPlanEvent;
import dev.keyline.domain.account.AccountTierChanged;
import dev.keyline.domain.account.KeyAccountEvent;
import dev.keyline.domain.account.TierChangeCause;
import dev.keyline.domain.authority.FloorPriceSet;
import dev.keyline.domain.authority.PriceApprovalRecorded;
import dev.keyline.domain.authority.PriceApproved;
import dev.keyline.domain.authority.PriceRejected;
import dev.keyline.domain.authority.PriceRequested;
import dev.keyline.domain.authority.PriceWithdrawn;
import dev.keyline.domain.resource.ReservationEvent;
import dev.keyline.domain.resource.ResourcePoolEvent;
import dev.keyline.domain.budget.CapexEvent;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.workorder.ProvisioningEvent;
import dev.keyline.domain.common.MalformedInputException;
import dev.keyline.domain.resource.SpareEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every event of Keyline's areas is known to the standard registry, is
 * written with its record components and reads back equal through a fresh runtime's JSON; malformed
 * event JSON names the field.
 */
class AreaEventJsonTest {

    private final AreaEventSamples samples = new AreaEventSamples();

    @Test
    void theStandardRegistryKnowsExactlyTheEventClassesOfTheAreas() {
        Set<Class<?>> expected = Stream.of(
                Arrays.stream(KeyAccountEvent.class.getPermittedSubclasses()),
                Arrays.stream(AccountPlanEvent.class.getPermittedSubclasses()),
                Stream.of(PriceRequested.class, PriceApprovalRecorded.class, PriceApproved.class, PriceRejected.class,
                        PriceWithdrawn.class, FloorPriceSet.class),
                Arrays.stream(SpareEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.sla.SlaEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.workorder.FaultTicketEvent.class.getPermittedSubclasses()),
                Arrays.stream(ResourcePoolEvent.class.getPermittedSubclasses()),
                Arrays.stream(ReservationEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.budget.BudgetEvent.class.getPermittedSubclasses()),
                Arrays.stream(CapexEvent.class.getPermittedSubclasses()),
                Arrays.stream(ProvisioningEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.staff.StaffingEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.staff.IncentiveLedgerEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.billing.BillingEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.priority.PriorityRankingEvent.class.getPermittedSubclasses()),
                Arrays.stream(dev.keyline.domain.kpi.KpiEvent.class.getPermittedSubclasses()))
                .flatMap(s -> s).collect(Collectors.toSet());
        EventTypes standard = EventTypes.standard();
        // Keyline's own; a host's areas on the class path (the test-only notes area) add theirs
        Set<Class<?>> registered = standard.types().stream().map(t -> standard.classOf(t).orElseThrow())
                .filter(c -> c.getName().startsWith("dev.keyline.")).collect(Collectors.toSet());
        assertThat(registered).isEqualTo(expected);
    }

    @Test
    void theSamplesRaiseEveryRegisteredTypeSoTheRoundTripBelowCoversThemAll() {
        Set<String> raised = samples.events.stream().map(DomainEvent::type).collect(Collectors.toCollection(TreeSet::new));
        EventTypes standard = EventTypes.standard();
        assertThat(raised).isEqualTo(standard.types().stream()
                .filter(t -> standard.classOf(t).orElseThrow().getName().startsWith("dev.keyline."))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyEventReadsBackEqualThroughAFreshRuntimesJsonWithoutRegisteringAnything() {
        KeylineJson writer = KeylineJson.create();
        for (DomainEvent event : samples.events) {
            String text = writer.writeEvent(event);
            KeylineJson reader = KeylineJson.create();
            assertThat(reader.readEvent(event.type(), text)).as(event.type()).isEqualTo(event);
        }
    }

    @Test
    void aTierChangeNamesItsCauseByTheRecordsSimpleName() {
        KeylineJson json = KeylineJson.create();
        String[] written = samples.events.stream().filter(e -> e instanceof AccountTierChanged)
                .map(json::writeEvent).toArray(String[]::new);
        assertThat(written).hasSize(2);
        assertThat(written[0]).contains("\"cause\":{\"@type\":\"" + TierChangeCause.ClassificationRun.class.getSimpleName() + "\"");
        assertThat(written[1]).contains("\"cause\":{\"@type\":\"ManualOverride\",\"reason\":\"group list withdrawn\",\"approvedBy\":\"chen\"}");
    }

    @Test
    void anEventIsWrittenWithItsComponentsOnly() {
        KeylineJson json = KeylineJson.create();
        AccountExited exited = samples.events.stream().filter(e -> e instanceof AccountExited)
                .map(AccountExited.class::cast).findFirst().orElseThrow();
        assertThat(json.writeEvent(exited)).isEqualTo("{\"eventId\":\"" + exited.eventId().value()
                + "\",\"occurredAt\":\"2026-01-05T08:10:00Z\",\"account\":\"A-BANK\",\"network\":\"SZ\","
                + "\"reason\":\"moved to another operator\",\"recordedBy\":\"wang\",\"lastTier\":\"LOCAL\"}");
    }

    @Test
    void aBlankReasonInAnExitIsMalformedNamingTheField() {
        KeylineJson json = KeylineJson.create();
        AccountExited exited = samples.events.stream().filter(e -> e instanceof AccountExited)
                .map(AccountExited.class::cast).findFirst().orElseThrow();
        String text = json.writeEvent(exited).replace("moved to another operator", " ");
        assertThatThrownBy(() -> json.readEvent(AccountExited.TYPE, text))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 reason: ");
    }

    @Test
    void anUnknownCauseTypeIsMalformedNamingThePathOfTheCause() {
        KeylineJson json = KeylineJson.create();
        String text = samples.events.stream().filter(e -> e instanceof AccountTierChanged).map(json::writeEvent)
                .reduce((a, b) -> b).orElseThrow().replace("ManualOverride", "Lottery");
        assertThatThrownBy(() -> json.readEvent(AccountTierChanged.TYPE, text))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 change.cause: ")
                .hasMessageContaining("Lottery");
    }

    @Test
    void aCauseWithoutItsTypeIsMalformedNamingThePathOfTheCause() {
        KeylineJson json = KeylineJson.create();
        String text = samples.events.stream().filter(e -> e instanceof AccountTierChanged).map(json::writeEvent)
                .reduce((a, b) -> b).orElseThrow().replace("\"@type\":\"ManualOverride\",", "");
        assertThatThrownBy(() -> json.readEvent(AccountTierChanged.TYPE, text))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 change.cause: ")
                .hasMessageContaining("@type");
    }

    @Test
    void aNullApproverInAnApprovalIsMalformedNamingTheListElement() {
        KeylineJson json = KeylineJson.create();
        PriceApproved approved = samples.events.stream().filter(e -> e instanceof PriceApproved)
                .map(PriceApproved.class::cast).findFirst().orElseThrow();
        String text = json.writeEvent(approved).replace("\"approvedBy\":[\"sun\",\"zhou\"]", "\"approvedBy\":[\"sun\",null]");
        assertThat(text).contains("null");
        assertThatThrownBy(() -> json.readEvent(PriceApproved.TYPE, text))
                .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("KL-102 approvedBy[1]: must not be null");
    }
}
