-- Timers in the outbox: events scheduled for a later time under a key (a reservation's expiry, an
-- SLA warning), due at occurred_at. Portable DDL: the same script runs on H2 and PostgreSQL.

-- the key a timer was scheduled under; null for an ordinary entry; kept once claimed, for listing
ALTER TABLE keyline_outbox ADD COLUMN timer_key VARCHAR(255);

-- the same key while no relay has claimed the timer (the stored status is then SCHEDULED); set to
-- null by the first claim. Unique: one pending timer per key (NULLs do not collide), and a
-- concurrent schedule of the same key fails instead of leaving two.
ALTER TABLE keyline_outbox ADD COLUMN pending_timer_key VARCHAR(255);
ALTER TABLE keyline_outbox ADD CONSTRAINT keyline_outbox_pending_timer_uk UNIQUE (pending_timer_key);

-- A pending timer is stored with status SCHEDULED (OutboxEntry.status() still says PENDING), so
-- the claim's index range over the open statuses never walks the timers that wait, however many.
ALTER TABLE keyline_outbox DROP CONSTRAINT keyline_outbox_status_ck;
ALTER TABLE keyline_outbox ADD CONSTRAINT keyline_outbox_status_ck
    CHECK (status IN ('SCHEDULED', 'PENDING', 'IN_FLIGHT', 'FAILED', 'DELIVERED', 'DEAD_LETTER'));

-- claimDue: the pending timers that have come due, by due time
CREATE INDEX keyline_outbox_scheduled_ix ON keyline_outbox (status, occurred_at);
