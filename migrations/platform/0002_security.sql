-- Security fixes: login throttling per address and per (account, address); token versions for
-- logout, password change and deactivation; audit rows that name their target.

-- Replaced by login_throttle: one counter per login name let anyone lock anyone out.
DROP TABLE platform.login_failures;

-- Failed logins, counted before the password is checked (so parallel guesses cannot pass the
-- counter). Keys: 'addr:<address>' and 'pair:<sha256 of login name>:<address>'. Rows expire
-- an hour after their window started; a row per key keeps the table bounded by the number of
-- sources that failed in the last hour.
CREATE TABLE platform.login_throttle (
    key            text PRIMARY KEY CHECK (length(key) <= 200),
    failures       integer NOT NULL,
    -- failures after which each further try waits
    threshold      integer NOT NULL,
    window_start   timestamptz NOT NULL DEFAULT now(),
    blocked_until  timestamptz
);
CREATE INDEX login_throttle_window ON platform.login_throttle (window_start);

-- Bumped by logout, a password change and deactivation: every token carrying an older version
-- is refused on the next request, on every gateway.
ALTER TABLE platform.accounts ADD COLUMN token_version integer NOT NULL DEFAULT 0;

ALTER TABLE platform.audit_log
    ADD COLUMN client_request_id text CHECK (length(client_request_id) <= 64),
    ADD COLUMN target jsonb;
