-- The worker visits a community when it has periodic work (reminders, no-shows, the farm's
-- round, points expiry, the day's open minutes, retries), not every community every interval:
-- after each visit it keeps the next due time in `platform.community_due`, and a write that may
-- bring that time forward tells it at commit with the community's schema (NOTIFY is
-- transactional and coalesced per transaction). Row triggers, not statement ones: a statement
-- that changes nothing (the worker's own round finding nothing) wakes nobody.
CREATE FUNCTION due_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('linli_due', current_schema());
    RETURN NULL;
END $$;
