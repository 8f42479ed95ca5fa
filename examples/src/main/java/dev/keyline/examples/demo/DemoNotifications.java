package dev.keyline.examples.demo;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.account.ChurnWarningRaised;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.notification.RoutingRule;
import dev.keyline.notification.RoutingSink;
import dev.keyline.spi.OutboxMessage;
import dev.keyline.webhook.WebhookSecret;
import dev.keyline.webhook.WebhookSink;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the demo's notifications go: one {@link RoutingSink}, the runtime's only sink, that sends
 * what people must act on to the CRM's webhook and everything else to the demo's inbox.
 *
 * <ul>
 *   <li>The account manager's (客户经理) churn warnings, exits, account-plan and price-authorisation
 *       events, and every event addressed to the financial manager (财务经理), an industry manager
 *       (行业经理) or the department general manager (大客户部总经理): the {@link WebhookSink}
 *       {@value #CRM_SINK}, posting signed JSON to the {@link CrmReceiver} on 127.0.0.1.</li>
 *   <li>Exits also go to the resources area's inbox ({@value #RESOURCES_SINK}), which releases
 *       every resource a leaving customer holds.</li>
 *   <li>Everything else (registrations, tier changes, …): the demo's inbox ({@value #INBOX_SINK}),
 *       as an audit log would take them.</li>
 * </ul>
 *
 * <p>When the user gave a receiver of their own ({@code --webhook}), it holds that
 * {@link UserWebhook} too; the notifications chapter posts every event of the story there at its end.
 *
 * <p>Closing it stops the receiver.
 */
public final class DemoNotifications implements AutoCloseable {

    /** The router's name. */
    public static final String ROUTER_NAME = "notification-router";

    /** The webhook sink's name. */
    public static final String CRM_SINK = "crm-webhook";

    /** The resources area's inbox's name. */
    public static final String RESOURCES_SINK = "resources-inbox";

    /** The demo inbox's name. */
    public static final String INBOX_SINK = "demo-inbox";

    private final CrmReceiver receiver;
    private final WebhookSink crm;
    private final DemoInbox resources;
    private final DemoInbox inbox;
    private final RoutingSink router;
    private final UserWebhook userWebhook;

    private DemoNotifications(CrmReceiver receiver, WebhookSink crm, UserWebhook userWebhook) {
        this.receiver = receiver;
        this.crm = crm;
        this.userWebhook = userWebhook;
        this.resources = new DemoInbox(RESOURCES_SINK);
        this.inbox = new DemoInbox(INBOX_SINK);
        this.router = RoutingSink.builder()
                .name(ROUTER_NAME)
                .rule(RoutingRule.forRoleAndEventType("ACCOUNT_MANAGER", ChurnWarningRaised.TYPE, crm))
                .rule(RoutingRule.forRoleAndEventType("ACCOUNT_MANAGER", AccountExited.TYPE, crm, resources))
                .rule(RoutingRule.forRoleAndEventType("ACCOUNT_MANAGER", "account-plan.*", crm))
                .rule(RoutingRule.forRoleAndEventType("ACCOUNT_MANAGER", "authority.*", crm))
                .rule(RoutingRule.forRole("FINANCIAL_MANAGER", crm))
                .rule(RoutingRule.forRole("INDUSTRY_MANAGER", crm))
                .rule(RoutingRule.forRole("DEPARTMENT_GENERAL_MANAGER", crm))
                .defaultSinks(inbox)
                .build();
    }

    /**
     * Starts the CRM's receiver on 127.0.0.1 and wires the sinks.
     *
     * @param secret the webhook's shared secret
     * @param clock the demo clock: the sink signs with it and the receiver checks timestamps with it
     * @return the wiring; close it to stop the receiver
     * @throws InvalidStateException when the receiver cannot bind a port on 127.0.0.1
     */
    public static DemoNotifications start(WebhookSecret secret, Clock clock) {
        return start(secret, clock, Optional.empty());
    }

    /**
     * Starts the CRM's receiver on 127.0.0.1 and wires the sinks, keeping the user's own receiver.
     *
     * @param secret the webhook's shared secret
     * @param clock the demo clock: the sink signs with it and the receiver checks timestamps with it
     * @param userWebhook the user's own receiver, when they gave one
     * @return the wiring; close it to stop the receiver
     * @throws InvalidStateException when the receiver cannot bind a port on 127.0.0.1
     */
    public static DemoNotifications start(WebhookSecret secret, Clock clock, Optional<UserWebhook> userWebhook) {
        Require.nonNull(userWebhook, "userWebhook");
        CrmReceiver receiver;
        try {
            receiver = CrmReceiver.start(secret, clock);
        } catch (IOException e) {
            throw new InvalidStateException("cannot start the CRM's webhook receiver on 127.0.0.1: " + e.getMessage(), e);
        }
        try {
            WebhookSink crm = WebhookSink.builder().endpoint(receiver.endpoint()).secret(secret).clock(clock)
                    .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10))
                    .name(CRM_SINK).build();
            return new DemoNotifications(receiver, crm, userWebhook.orElse(null));
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /** The router, the runtime's only sink. */
    public RoutingSink router() {
        return router;
    }

    /** The webhook sink posting to the CRM. */
    public WebhookSink crm() {
        return crm;
    }

    /** The user's own receiver, when they gave one with {@code --webhook}. */
    public Optional<UserWebhook> userWebhook() {
        return Optional.ofNullable(userWebhook);
    }

    /** The CRM's receiver. */
    public CrmReceiver receiver() {
        return receiver;
    }

    /** The resources area's inbox, which gets every exit. */
    public DemoInbox resources() {
        return resources;
    }

    /** The demo's inbox, which gets what no rule routes elsewhere. */
    public DemoInbox inbox() {
        return inbox;
    }

    /**
     * Whether the router sends a notification of this type and audience to the CRM.
     *
     * @param type the event type
     * @param audience the audience
     * @return true when the CRM's webhook is among its targets
     */
    public boolean reachesCrm(String type, Audience audience) {
        return router.targetsFor(type, audience).contains(crm);
    }

    /**
     * Whether the router sends this outbox message to the CRM.
     *
     * @param message the message
     * @return true when the CRM's webhook is among its targets
     */
    public boolean reachesCrm(OutboxMessage message) {
        Require.nonNull(message, "message");
        return reachesCrm(message.type(), message.audience());
    }

    /** Stops the CRM's receiver. */
    @Override
    public void close() {
        receiver.close();
    }
}
