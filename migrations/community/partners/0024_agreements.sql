-- Co-building agreements (联建协议) between a partner organisation (or one of its teams) and
-- the community: a period, commitments ("4 activities a quarter"), and the activities actually
-- held — each may name the course, volunteer shift or event it was (a key of that crate's
-- row) — so that the agreement shows commitments against delivery.

CREATE TABLE agreements (
    id                 uuid PRIMARY KEY,
    -- the partners crate's platform rows, with their names when signed (keys, never joins)
    organisation_id    uuid NOT NULL,
    organisation_name  text NOT NULL CHECK (length(organisation_name) BETWEEN 1 AND 100),
    team_id            uuid,
    team_name          text CHECK (length(team_name) BETWEEN 1 AND 100),
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    starts_on          date NOT NULL,
    ends_on            date NOT NULL,
    signed_by          uuid NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on),
    CHECK ((team_id IS NULL) = (team_name IS NULL))
);
CREATE INDEX agreements_organisation ON agreements (organisation_id);

CREATE TABLE agreement_commitments (
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    -- what counts: any activity, or only courses, volunteer shifts or events
    kind          text NOT NULL CHECK (kind IN ('any', 'course', 'shift', 'event')),
    per           text NOT NULL CHECK (per IN ('month', 'quarter', 'year', 'period')),
    count         integer NOT NULL CHECK (count BETWEEN 1 AND 1000),
    PRIMARY KEY (agreement_id, kind, per)
);

CREATE TABLE agreement_activities (
    id            uuid PRIMARY KEY,
    agreement_id  uuid NOT NULL REFERENCES agreements (id),
    kind          text NOT NULL CHECK (kind IN ('course', 'shift', 'event', 'other')),
    -- the course, volunteer shift or event it was (that crate's row: a key)
    reference     uuid,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    held_on       date NOT NULL,
    recorded_by   uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'other') = (reference IS NULL))
);
CREATE UNIQUE INDEX agreement_activities_once ON agreement_activities (agreement_id, kind, reference)
    WHERE reference IS NOT NULL;
CREATE INDEX agreement_activities_agreement ON agreement_activities (agreement_id, held_on);
