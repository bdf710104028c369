-- The outbox of dashboard figures: every domain write that changes a figure appends an event
-- here in its own transaction (`infra::figures::record_today`); the dashboards worker folds
-- them into the platform's rollups, each once, and deletes them.
CREATE TABLE figure_events (
    id          uuid PRIMARY KEY,
    figure      text NOT NULL CHECK (figure ~ '^[a-z_]+\.[a-z_]+$'),
    day         date NOT NULL,
    delta       bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
