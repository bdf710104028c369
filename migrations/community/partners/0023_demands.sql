-- Resident demands (诉求) through the grid: taken in from a resident or by a grid worker for
-- one, routed to a grid or a partner team, resolved, then confirmed or reopened by the
-- resident. Every step is kept, with who took it.

CREATE TABLE demands (
    id            uuid PRIMARY KEY,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    detail        text NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
    category      text NOT NULL CHECK (length(category) BETWEEN 1 AND 30),
    -- the resident (a platform account) and the name they gave
    resident_id   uuid NOT NULL,
    resident_name text NOT NULL CHECK (length(resident_name) BETWEEN 1 AND 50),
    entered_by    uuid NOT NULL,
    -- routed to a grid of the community (tenancy's courtyards), or a partner team (a key)
    grid_id       uuid REFERENCES courtyards (id),
    team_id       uuid,
    team_name     text CHECK (length(team_name) BETWEEN 1 AND 100),
    status        text NOT NULL CHECK (status IN ('submitted', 'routed', 'resolved', 'confirmed', 'reopened')),
    resolution    text CHECK (length(resolution) BETWEEN 1 AND 500),
    submitted_at  timestamptz NOT NULL DEFAULT now(),
    -- the first resolution, for the time to resolve
    resolved_at   timestamptz,
    closed_at     timestamptz,
    CHECK ((team_id IS NULL) = (team_name IS NULL)),
    CHECK (status NOT IN ('resolved', 'confirmed') OR (resolution IS NOT NULL AND resolved_at IS NOT NULL)),
    CHECK ((status = 'confirmed') = (closed_at IS NOT NULL))
);
CREATE INDEX demands_resident ON demands (resident_id, submitted_at);
CREATE INDEX demands_status ON demands (status, submitted_at);

CREATE TABLE demand_steps (
    id         uuid PRIMARY KEY,
    demand_id  uuid NOT NULL REFERENCES demands (id),
    step       text NOT NULL CHECK (step IN ('submitted', 'routed', 'resolved', 'confirmed', 'reopened')),
    -- who took the step, and for whom when it was a grid worker acting for the resident
    by_account uuid NOT NULL,
    for_resident boolean NOT NULL DEFAULT false,
    note       text CHECK (length(note) <= 500),
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX demand_steps_demand ON demand_steps (demand_id, at);
