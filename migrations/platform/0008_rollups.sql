-- Dashboard rollups (the dashboards crate): one value per community, figure and day, folded
-- from the communities' figure events; district queries read these only.
CREATE TABLE platform.figure_daily (
    community_id  uuid NOT NULL REFERENCES platform.communities (id),
    figure        text NOT NULL,
    day           date NOT NULL,
    value         bigint NOT NULL,
    PRIMARY KEY (community_id, figure, day)
);
CREATE INDEX figure_daily_figure_day ON platform.figure_daily (figure, day);

-- Events folded, kept until their community has deleted them: a worker that reads an event
-- again (after a crash, or racing another) finds it here and applies nothing.
CREATE TABLE platform.figure_events_applied (
    community_id  uuid NOT NULL,
    event_id      uuid NOT NULL,
    applied_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_id, event_id)
);
