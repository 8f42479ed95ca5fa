package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.Role;
import java.time.Instant;

/**
 * The outbox timer of a stage's warning or escalation fell due (it occurs at the instant the
 * alert was planned for); the work-order area's reaction then raises what is due on the order as
 * it is stored, so a timer of a stage since held, done or already alerted changes nothing; type
 * {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when the timer fell due
 * @param order the order
 * @param account the key account
 * @param stage the stage
 * @param alert whether the warning or the escalation fell due
 */
public record ProvisioningStageAlertDue(EventId eventId, Instant occurredAt, ProvisioningOrderId order, AccountId account,
        StageId stage, Alert alert) implements ProvisioningEvent {

    /** The stable event type. */
    public static final String TYPE = "workorder.stage-alert-due";

    /** Which of a stage's two alerts a timer is for. */
    public enum Alert {
        /** The stage has used the warning share of its planned time. */
        WARNING,
        /** The stage is overdue. */
        ESCALATION
    }

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when the timer fell due
     * @param order the order
     * @param account the key account
     * @param stage the stage
     * @param alert whether the warning or the escalation fell due
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component that is null
     */
    public ProvisioningStageAlertDue {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(order, "order");
        Require.nonNull(account, "account");
        Require.nonNull(stage, "stage");
        Require.nonNull(alert, "alert");
    }

    @Override
    public String aggregateId() {
        return order.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return new Audience(Role.STATION_MANAGER.name(), null, account.value(), null, "The " + alert.name().toLowerCase()
                + " timer of stage " + stage + " of provisioning order " + order + " fell due at " + occurredAt);
    }
}
