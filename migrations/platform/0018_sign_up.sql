-- Residents join by themselves (issue 29): a community's invitation (the slug and a code it
-- prints as a link or QR code, rotated when it leaks), a phone number proven by a one-time
-- code, and — where the community chooses — staff confirming each newcomer.

-- One invitation per community; none means sign-up is closed there.
CREATE TABLE platform.invitations (
    community_id    uuid PRIMARY KEY REFERENCES platform.communities (id) ON DELETE CASCADE,
    -- 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L)
    code            text NOT NULL CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
    -- newcomers wait for staff to confirm them (待审核) instead of becoming residents at once
    confirm_by_staff boolean NOT NULL DEFAULT false,
    rotated_at      timestamptz NOT NULL DEFAULT now(),
    rotated_by      uuid REFERENCES platform.accounts (id)
);

-- Sign-ups waiting for (or decided by) a community's staff.
CREATE TABLE platform.sign_up_requests (
    account_id      uuid NOT NULL REFERENCES platform.accounts (id) ON DELETE CASCADE,
    community_id    uuid NOT NULL REFERENCES platform.communities (id) ON DELETE CASCADE,
    status          text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    decided_by      uuid REFERENCES platform.accounts (id),
    decided_at      timestamptz,
    PRIMARY KEY (community_id, account_id),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);

-- One-time codes proving a phone number (sent by the pluggable channel: the webhook). Keyed by
-- the number's lookup hash, never the number; the code kept as a keyed hash; a code is good
-- for ten minutes and five tries, and is gone once used.
CREATE TABLE platform.phone_codes (
    phone_lookup    text PRIMARY KEY,
    code_hash       text NOT NULL,
    expires_at      timestamptz NOT NULL,
    tries           integer NOT NULL DEFAULT 0 CHECK (tries BETWEEN 0 AND 5)
);

