-- Notifications (通知): an outbox written in the same transaction as the event it tells of.
-- The row is the recipient's in-app inbox; other channels (a webhook that a deployment plugs
-- SMS or WeChat template messages into) are delivered by the gateway's worker, one delivery
-- row per channel. The delivery row is inserted to claim the work, so two workers never send
-- one notification twice on one channel.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    -- the platform account told (a child's guardian for a child)
    account_id  uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('waitlist_promoted', 'session_cancelled',
                    'session_moved', 'session_reminder', 'consent_requested')),
    -- what the notification is about: one event never tells one account twice
    about       text NOT NULL CHECK (length(about) <= 200),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    UNIQUE (account_id, kind, about)
);
CREATE INDEX notifications_inbox ON notifications (account_id, created_at DESC);
CREATE INDEX notifications_recent ON notifications (created_at);

CREATE TABLE notification_deliveries (
    notification_id  uuid NOT NULL REFERENCES notifications (id),
    channel          text NOT NULL CHECK (channel IN ('webhook')),
    -- sending: claimed by a worker; a worker that dies while sending leaves it so (at most once)
    status           text NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'abandoned')),
    attempts         integer NOT NULL DEFAULT 1,
    next_attempt_at  timestamptz,
    last_error       text CHECK (length(last_error) <= 300),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (notification_id, channel)
);
CREATE INDEX notification_deliveries_retry ON notification_deliveries (next_attempt_at)
    WHERE status = 'failed';

-- Wake the delivery worker at commit (NOTIFY is transactional) with the community's schema.
CREATE FUNCTION notifications_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('linli_outbox', current_schema());
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_wake AFTER INSERT ON notifications
    FOR EACH STATEMENT EXECUTE FUNCTION notifications_wake();
