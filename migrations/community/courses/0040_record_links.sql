-- A resident asks to link their account to the registry record staff entered for them
-- (linkMyRecord). It links at once only when the record's phone number is the account's own
-- verified one; otherwise the request waits here for staff, who check in person. Whoever asks
-- is told the same ("waiting for staff") whether a record matched or not.
CREATE TABLE record_link_requests (
    id               uuid PRIMARY KEY,
    account_id       uuid NOT NULL,
    account_name     text NOT NULL CHECK (length(account_name) BETWEEN 1 AND 100),
    -- what the resident gave: the name and phone number on the record
    claimed_name     text NOT NULL CHECK (length(claimed_name) BETWEEN 1 AND 50),
    phone_encrypted  text,
    -- the record that name and number point to, if any (staff may pick another)
    learner_id       uuid REFERENCES learners (id),
    status           text NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'linked', 'declined')),
    requested_at     timestamptz NOT NULL DEFAULT now(),
    decided_by       uuid,
    decided_at       timestamptz,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK (status <> 'linked' OR learner_id IS NOT NULL)
);
-- One open request per account: asking again replaces what it claims.
CREATE UNIQUE INDEX record_link_requests_open ON record_link_requests (account_id)
    WHERE status = 'pending';
