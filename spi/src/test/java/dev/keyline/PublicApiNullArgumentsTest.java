package dev.keyline;

import static dev.keyline.domain.testing.NullArgumentsTester.CONSTRUCTOR;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.testing.NullArgumentsTester;
import dev.keyline.json.SerialisationException;
import dev.keyline.json.tmf.Tmf621Change;
import dev.keyline.json.tmf.Tmf621Ticket;
import dev.keyline.json.tmf.Tmf641Item;
import dev.keyline.json.tmf.Tmf641Order;
import dev.keyline.notification.EventTypePattern;
import dev.keyline.notification.RoutingRule;
import dev.keyline.runtime.RetryPolicy;
import dev.keyline.spi.ConfigurationException;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.spi.SinkDelivery;
import dev.keyline.spi.StorageException;
import dev.keyline.tck.KeylineSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the SPI, the runtime, the in-memory provider, the JSON
 * mapping and the notification sinks rejects a null argument with an
 * {@link InvalidArgumentException} naming it. The in-memory implementations of the SPI's ports are
 * checked through the ports. The allowances below are the reviewed exceptions, each with its
 * reason; one that no longer matches fails the test.
 */
class PublicApiNullArgumentsTest {

    @Test
    void everyPublicConstructorAndMethodRejectsNullNamingTheArgument() {
        NullArgumentsTester tester = KeylineSamples.tester();

        // Documented optional parts.
        tester.nullable(dev.keyline.runtime.budget.CapexCommitments.class, "commit", "replaces",
                        "null when the document replaces no earlier one")
                .nullable(dev.keyline.runtime.budget.CapexCommitments.class, "invoice", "replaces",
                        "null when the invoice replaces no order")
                .nullable(dev.keyline.runtime.workorder.ProvisioningOrders.StageTimer.class, CONSTRUCTOR, "dueAt",
                        "null when the key's timer is to be cancelled")
                .nullable(dev.keyline.runtime.workorder.FaultTickets.ClockTimer.class, CONSTRUCTOR, "dueAt",
                        "null when the key's timer is to be cancelled")
                .nullable(RoutingRule.class, CONSTRUCTOR, "role", "a criterion left null matches anything")
                .nullable(RoutingRule.class, CONSTRUCTOR, "eventType", "a criterion left null matches anything")
                .nullable(RoutingRule.class, CONSTRUCTOR, "organisationUnit", "a criterion left null matches anything")
                .nullable(SinkDelivery.class, CONSTRUCTOR, "lastError", "null until a delivery has failed")
                .nullable(SinkDelivery.class, CONSTRUCTOR, "deliveredAt", "null until the sink accepted it")
                .nullable(OutboxEntry.class, CONSTRUCTOR, "timerKey", "null for an entry that is not a timer")
                .nullable(dev.keyline.spi.OutboxMark.class, CONSTRUCTOR, "error", "null for a DELIVERED mark")
                .nullable(RetryableDeliveryException.class, CONSTRUCTOR, "retryAfter", "null when the receiver gave no hint")
                .nullable(RetryPolicy.class, "waitAfter", "retryAfter", "null when the receiver gave no hint")
                .nullable(StorageException.class, CONSTRUCTOR, "sqlState", "null when the failure has no SQL state")
                .nullable(dev.keyline.runtime.budget.Budgets.class, "bookCommitment", "replaces",
                        "null when the document replaces no commitment")
                .nullable(dev.keyline.runtime.budget.Budgets.class, "recordActual", "replaces",
                        "null when the invoice replaces no commitment");
        for (Class<?> exception : List.of(SerialisationException.class, ConfigurationException.class,
                PermanentDeliveryException.class, RetryableDeliveryException.class, StorageException.class,
                dev.keyline.spi.KeptStateOutdatedException.class)) {
            tester.nullable(exception, CONSTRUCTOR, "cause", "documented: an exception may have no underlying failure");
        }

        // A pattern is reported by its business name, as an identifier is.
        String patternReason = "the pattern's one component is the whole pattern, reported as eventTypePattern";
        tester.alias(EventTypePattern.class, CONSTRUCTOR, "value", "eventTypePattern", patternReason)
                .alias(EventTypePattern.class, "of", "text", "eventTypePattern", patternReason);

        // TM Forum views: a status is one of the specification's values; the optional parts are null when absent.
        tester.argument(Tmf621Change.class, CONSTRUCTOR, "status", () -> "acknowledged")
                .argument(Tmf621Ticket.class, CONSTRUCTOR, "status", () -> "acknowledged");
        for (String part : List.of("serviceClass", "station", "cause", "expectedResolutionDate", "resolutionDate")) {
            tester.nullable(Tmf621Ticket.class, CONSTRUCTOR, part, "documented: null when the ticket has none");
        }
        tester.argument(Tmf641Order.class, CONSTRUCTOR, "state", () -> "inProgress")
                .argument(Tmf641Item.class, CONSTRUCTOR, "state", () -> "pending");
        for (String part : List.of("slaOrder", "slaCommittedBy", "acceptedBy", "acceptedAt")) {
            tester.nullable(Tmf641Order.class, CONSTRUCTOR, part, "documented: null when the order has none");
        }

        tester.exclude(dev.keyline.runtime.ServiceSteps.AccessCheck.class, "check",
                "a service's own access rule, written as a lambda; the steps check their own arguments");
        tester.check("dev.keyline.spi", "dev.keyline.runtime", "dev.keyline.memory", "dev.keyline.json",
                "dev.keyline.notification").assertClean();
    }
}
