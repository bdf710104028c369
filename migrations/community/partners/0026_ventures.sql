-- Micro-venture calls (微创投): the community posts a governance problem with a budget and a
-- deadline; partner teams propose; staff review with scores and comments; one proposal is
-- awarded and becomes a project tracked by milestones (with photos) to a closing report.

CREATE TABLE venture_calls (
    id           uuid PRIMARY KEY,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    problem      text NOT NULL CHECK (length(problem) BETWEEN 1 AND 2000),
    budget_yuan  integer NOT NULL CHECK (budget_yuan BETWEEN 1 AND 10000000),
    deadline     date NOT NULL,
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'awarded', 'withdrawn')),
    created_by   uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE venture_proposals (
    id               uuid PRIMARY KEY,
    call_id          uuid NOT NULL REFERENCES venture_calls (id),
    -- the partners crate's platform rows (keys), with names when submitted
    organisation_id  uuid NOT NULL,
    team_id          uuid NOT NULL,
    team_name        text NOT NULL CHECK (length(team_name) BETWEEN 1 AND 100),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    plan             text NOT NULL CHECK (length(plan) BETWEEN 1 AND 5000),
    budget_yuan      integer NOT NULL CHECK (budget_yuan >= 1),
    submitted_by     uuid NOT NULL,
    submitted_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (call_id, team_id)
);

CREATE TABLE venture_reviews (
    proposal_id  uuid NOT NULL REFERENCES venture_proposals (id),
    reviewer     uuid NOT NULL,
    score        integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    comment      text NOT NULL CHECK (length(comment) BETWEEN 1 AND 1000),
    reviewed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, reviewer)
);

-- One project per call: the awarded proposal.
CREATE TABLE venture_projects (
    id              uuid PRIMARY KEY,
    call_id         uuid NOT NULL UNIQUE REFERENCES venture_calls (id),
    proposal_id     uuid NOT NULL UNIQUE REFERENCES venture_proposals (id),
    status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
    closing_report  text CHECK (length(closing_report) BETWEEN 1 AND 5000),
    closed_at       timestamptz,
    CHECK ((status = 'done') = (closing_report IS NOT NULL AND closed_at IS NOT NULL))
);

CREATE TABLE venture_milestones (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES venture_projects (id),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    due_on      date NOT NULL,
    done_at     timestamptz,
    note        text CHECK (length(note) <= 500),
    -- a photo of the work, in the object store
    photo_key   text,
    CHECK (photo_key IS NULL OR done_at IS NOT NULL)
);
CREATE INDEX venture_milestones_project ON venture_milestones (project_id, due_on);
