-- The three lists (三张清单): entries of each kind by staff, partners and residents; a need
-- matched to resources and projects (suggested by category and skills, confirmed by staff),
-- with the match's outcome. Kinds stay configurable: each says whether it lists needs or
-- what is offered.

ALTER TABLE list_kinds
    ADD COLUMN role text NOT NULL DEFAULT 'offer' CHECK (role IN ('need', 'offer')),
    ADD CONSTRAINT list_kinds_name CHECK (length(name) BETWEEN 1 AND 30),
    ADD CONSTRAINT list_kinds_code CHECK (code ~ '^[a-z_]{2,32}$');
UPDATE list_kinds SET role = 'need' WHERE code = 'demand';

CREATE TABLE list_entries (
    id               uuid PRIMARY KEY,
    kind_code        text NOT NULL REFERENCES list_kinds (code) ON UPDATE CASCADE,
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    detail           text NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
    category         text NOT NULL CHECK (length(category) BETWEEN 1 AND 30),
    skills           text[] NOT NULL DEFAULT '{}',
    -- who put it on the list: staff, a partner (its organisation: a key), or a resident
    entered_as       text NOT NULL CHECK (entered_as IN ('staff', 'partner', 'resident')),
    organisation_id  uuid,
    author           uuid NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((entered_as = 'partner') = (organisation_id IS NOT NULL))
);
CREATE INDEX list_entries_kind ON list_entries (kind_code, status);
CREATE INDEX list_entries_skills ON list_entries USING gin (skills);

CREATE TABLE list_matches (
    id            uuid PRIMARY KEY,
    need_id       uuid NOT NULL REFERENCES list_entries (id),
    offer_id      uuid NOT NULL REFERENCES list_entries (id),
    status        text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'done', 'failed')),
    outcome       text CHECK (length(outcome) BETWEEN 1 AND 500),
    confirmed_by  uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (need_id <> offer_id),
    CHECK ((status = 'confirmed') = (outcome IS NULL)),
    UNIQUE (need_id, offer_id)
);
