-- A calendar link's generation, per account and feed (a space's busy times, or the account's
-- own bookings: the nil uuid). The link's token signs the generation: renewing the link
-- raises it, and the old link stops working. No row: generation 0.
CREATE TABLE calendar_feeds (
    account_id  uuid NOT NULL,
    target      uuid NOT NULL,
    generation  integer NOT NULL CHECK (generation > 0),
    renewed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, target)
);
