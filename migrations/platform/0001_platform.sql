-- The platform schema: districts, communities (the tenants), accounts, memberships, audit.
-- Community data never lives here; community schemas never see these tables.

CREATE TABLE platform.districts (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z_-]{2,32}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    parent_id   uuid REFERENCES platform.districts (id),
    -- ids from the root down to this district, itself included: "is X within Y" is one
    -- array test, and a district never moves.
    path        uuid[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX districts_path ON platform.districts USING gin (path);

CREATE TABLE platform.communities (
    id              uuid PRIMARY KEY,
    district_id     uuid NOT NULL REFERENCES platform.districts (id),
    slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind            text NOT NULL CHECK (kind IN ('old_courtyard', 'resettlement',
                        'commercial_housing', 'public_rental', 'university_town',
                        'worker_dormitory', 'mixed')),
    households      integer CHECK (households >= 0),
    residents       integer CHECK (residents >= 0),
    status          text NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'suspended', 'archived')),
    schema_name     text NOT NULL UNIQUE,
    role_name       text NOT NULL UNIQUE,
    -- the last community migration applied to this schema; `linli migrate` resumes from it
    schema_version  integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX communities_district ON platform.communities (district_id);

CREATE TABLE platform.accounts (
    id              uuid PRIMARY KEY,
    login_name      text NOT NULL UNIQUE CHECK (login_name ~ '^[A-Za-z0-9_.@-]{3,64}$'),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
    password_hash   text NOT NULL,
    -- PIPL: AES-GCM ciphertext, and a keyed hash for lookups; never the number in clear
    phone_encrypted text,
    phone_lookup    text,
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_phone_lookup ON platform.accounts (phone_lookup);

CREATE TABLE platform.memberships (
    id            uuid PRIMARY KEY,
    account_id    uuid NOT NULL REFERENCES platform.accounts (id),
    scope         text NOT NULL CHECK (scope IN ('platform', 'district', 'community')),
    district_id   uuid REFERENCES platform.districts (id),
    community_id  uuid REFERENCES platform.communities (id),
    role          text NOT NULL,
    granted_by    uuid REFERENCES platform.accounts (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (
        (scope = 'platform' AND district_id IS NULL AND community_id IS NULL
            AND role = 'platform_admin')
     OR (scope = 'district' AND district_id IS NOT NULL AND community_id IS NULL
            AND role IN ('district_admin', 'district_viewer'))
     OR (scope = 'community' AND community_id IS NOT NULL AND district_id IS NULL
            AND role IN ('community_admin', 'staff', 'teacher', 'volunteer', 'resident',
                         'partner_member'))
    )
);
CREATE UNIQUE INDEX memberships_unique ON platform.memberships
    (account_id, role, coalesce(district_id, community_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX memberships_community ON platform.memberships (community_id);

-- Failed logins per login name, for throttling; survives restarts and is shared by gateways.
CREATE TABLE platform.login_failures (
    login_name      text PRIMARY KEY,
    failures        integer NOT NULL,
    last_failure_at timestamptz NOT NULL
);

CREATE TABLE platform.audit_log (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    account_id    uuid,
    community_id  uuid,
    operation     text NOT NULL,
    outcome       text NOT NULL,
    request_id    text
);
CREATE INDEX audit_log_community_at ON platform.audit_log (community_id, at);
