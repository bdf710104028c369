-- Public links to a published exhibition (for the community's 公众号): only the link's keyed
-- hash is stored, so a database reader cannot rebuild a link; a link is revoked, never
-- deleted, so what was shared stays on record.
CREATE TABLE exhibition_shares (
    id             uuid PRIMARY KEY,
    token_hash     text NOT NULL UNIQUE,
    exhibition_id  uuid NOT NULL REFERENCES exhibitions (id),
    -- how authors are named on the public page: 王秀英 / 王** / not at all
    names          text NOT NULL CHECK (names IN ('full', 'surname', 'none')),
    created_by     uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);
CREATE INDEX exhibition_shares_exhibition ON exhibition_shares (exhibition_id);
