-- A write sent again is not written twice (issue 34): a grid worker's phone keeps visits
-- recorded without a network and sends each with its own idempotency key when the network
-- returns; a send whose answer was lost is sent again with the same key. The first send claims
-- the key (this primary key settles a race), its answer is kept, and every later send with the
-- key gets that answer back instead of running again.
CREATE TABLE platform.request_keys (
    account_id   uuid NOT NULL REFERENCES platform.accounts (id) ON DELETE CASCADE,
    key          text NOT NULL CHECK (key ~ '^[A-Za-z0-9_:.-]{8,100}$'),
    -- the community named (X-Community), empty for none, and what was sent: the same key with
    -- another request is refused
    community    text NOT NULL,
    request_hash bytea NOT NULL CHECK (length(request_hash) = 32),
    -- null while the first send runs (or when its process died before answering: in doubt)
    response     jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, key)
);
CREATE INDEX request_keys_created ON platform.request_keys (created_at);
