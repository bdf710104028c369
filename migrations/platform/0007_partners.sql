-- Partner organisations and their teams (the partners crate's platform records): one
-- university or enterprise may partner with many communities of many districts, so these are
-- platform rows; the work they do inside a community is that community's data.

CREATE TABLE platform.organisations (
    id           uuid PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 100),
    kind         text NOT NULL CHECK (kind IN ('university', 'enterprise', 'merchant',
                     'property_company', 'social_organisation')),
    -- a social organisation's grade (3A, 4A, 5A), where it has one
    grade        text CHECK (grade ~ '^[1-5]A$'),
    description  text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    contact      text NOT NULL CHECK (length(contact) BETWEEN 1 AND 100),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Accounts that speak for an organisation: its admins (who registered it or were added by
-- one) and the members of its teams.
CREATE TABLE platform.organisation_members (
    organisation_id  uuid NOT NULL REFERENCES platform.organisations (id),
    account_id       uuid NOT NULL REFERENCES platform.accounts (id),
    role             text NOT NULL CHECK (role IN ('admin', 'member')),
    PRIMARY KEY (organisation_id, account_id)
);
CREATE INDEX organisation_members_account ON platform.organisation_members (account_id);

CREATE TABLE platform.partner_teams (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES platform.organisations (id),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    leader_id        uuid NOT NULL,
    skills           text[] NOT NULL DEFAULT '{}',
    contact          text NOT NULL CHECK (length(contact) BETWEEN 1 AND 100),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, name),
    -- the leader speaks for the organisation
    FOREIGN KEY (organisation_id, leader_id)
        REFERENCES platform.organisation_members (organisation_id, account_id)
);

CREATE TABLE platform.partner_team_members (
    team_id          uuid NOT NULL REFERENCES platform.partner_teams (id),
    organisation_id  uuid NOT NULL,
    account_id       uuid NOT NULL,
    PRIMARY KEY (team_id, account_id),
    FOREIGN KEY (organisation_id, account_id)
        REFERENCES platform.organisation_members (organisation_id, account_id)
);

-- A request to partner with a district (all its communities) or one community, and its fate.
-- Only an approved one lets the organisation's people into a community.
CREATE TABLE platform.partnerships (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES platform.organisations (id),
    district_id      uuid REFERENCES platform.districts (id),
    community_id     uuid REFERENCES platform.communities (id),
    status           text NOT NULL CHECK (status IN ('requested', 'approved', 'declined')),
    reason           text CHECK (length(reason) <= 200),
    requested_at     timestamptz NOT NULL DEFAULT now(),
    decided_by       uuid REFERENCES platform.accounts (id),
    decided_at       timestamptz,
    CHECK ((district_id IS NULL) <> (community_id IS NULL)),
    CHECK ((status = 'requested') = (decided_at IS NULL)),
    CHECK (status <> 'declined' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX partnerships_once ON platform.partnerships
    (organisation_id, coalesce(district_id, community_id));

-- The one window tenancy has onto partners: who holds the partner-member role where. Read
-- with the account's memberships, so the gate admits a partner like any member.
CREATE VIEW platform.partner_access AS
    SELECT p.id AS partnership_id, m.account_id, p.district_id, p.community_id
      FROM platform.organisation_members m
      JOIN platform.partnerships p ON p.organisation_id = m.organisation_id
     WHERE p.status = 'approved';

-- Cached principals must hear of every change to that view: a member added or removed, a
-- partnership decided.
CREATE TRIGGER organisation_members_notify_auth
    AFTER INSERT OR UPDATE OR DELETE ON platform.organisation_members
    FOR EACH ROW EXECUTE FUNCTION platform.notify_auth();

CREATE FUNCTION platform.notify_partnership() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a uuid;
BEGIN
    FOR a IN SELECT account_id FROM platform.organisation_members
              WHERE organisation_id = coalesce(NEW.organisation_id, OLD.organisation_id)
    LOOP
        PERFORM pg_notify('linli_auth', 'account:' || a::text);
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER partnerships_notify_auth
    AFTER INSERT OR UPDATE OR DELETE ON platform.partnerships
    FOR EACH ROW EXECUTE FUNCTION platform.notify_partnership();
