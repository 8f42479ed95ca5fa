package dev.keyline.notification;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.spi.Notification;
import java.time.Instant;

/** Notifications for tests. */
final class Notifications {

    static final Instant OCCURRED_AT = Instant.parse("2025-03-01T08:00:00Z");

    private Notifications() {
    }

    static Notification of(String type, Audience audience) {
        return new Notification(EventId.random(), type, OCCURRED_AT, "KA-0042", audience,
                "{\"accountId\":\"KA-0042\",\"score\":12.50}", 1);
    }

    static Notification of(String type, String role, String unit) {
        return of(type, new Audience(role, unit, "KA-0042", null, type + " for KA-0042"));
    }
}
