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
-- the claim's index range over the open statuses (keyline_outbox_status_ix) never walks the
-- timers that wait, however many.
ALTER TABLE keyline_outbox DROP CONSTRAINT keyline_outbox_status_ck;
ALTER TABLE keyline_outbox ADD CONSTRAINT keyline_outbox_status_ck
    CHECK (status IN ('SCHEDULED', 'PENDING', 'IN_FLIGHT', 'FAILED', 'DELIVERED', 'DEAD_LETTER'));

-- the due time (occurred_at) while the timer is pending, null otherwise; set to null by the first
-- claim. A column of its own rather than status and occurred_at together: its statistics cover
-- the pending timers alone, so PostgreSQL estimates "due by now" well and claims with a BitmapOr
-- of two small index ranges (open entries, due timers) instead of walking the table.
ALTER TABLE keyline_outbox ADD COLUMN timer_due_at TIMESTAMP WITH TIME ZONE;

-- claimDue: the pending timers that have come due
CREATE INDEX keyline_outbox_timer_due_ix ON keyline_outbox (timer_due_at);
