-- Dashboards, second step: the rollups districts read fast, distributions for medians, and
-- pilot groups.
--
-- Every fold (and rebuild) adds the same deltas, in one transaction, to the community's day
-- (figure_daily), its month (figure_monthly: rankings over months read 1 row per community,
-- not 30) and the day of every district above it (figure_district_daily: a district's
-- totals read one row per figure and day, whatever the number of communities).
CREATE TABLE platform.figure_monthly (
    community_id  uuid NOT NULL REFERENCES platform.communities (id),
    figure        text NOT NULL,
    month         date NOT NULL CHECK (extract(day FROM month) = 1),
    value         bigint NOT NULL,
    PRIMARY KEY (community_id, figure, month)
);
CREATE INDEX figure_monthly_figure_month ON platform.figure_monthly (figure, month);

CREATE TABLE platform.figure_district_daily (
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    figure       text NOT NULL,
    day          date NOT NULL,
    value        bigint NOT NULL,
    PRIMARY KEY (district_id, figure, day)
);

-- How many times each value occurred (a demand resolved in `sample` hours), per community and
-- per district above it, by day.
CREATE TABLE platform.figure_samples (
    community_id  uuid NOT NULL REFERENCES platform.communities (id),
    figure        text NOT NULL,
    day           date NOT NULL,
    sample        bigint NOT NULL,
    count         bigint NOT NULL,
    PRIMARY KEY (community_id, figure, day, sample)
);
CREATE TABLE platform.figure_district_samples (
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    figure       text NOT NULL,
    day          date NOT NULL,
    sample       bigint NOT NULL,
    count        bigint NOT NULL,
    PRIMARY KEY (district_id, figure, day, sample)
);

-- What the first step folded, carried into the new tables (samples start with the next
-- rebuild: `linli dashboards rebuild`).
INSERT INTO platform.figure_monthly (community_id, figure, month, value)
SELECT community_id, figure, date_trunc('month', day)::date, sum(value)
  FROM platform.figure_daily GROUP BY 1, 2, 3;
INSERT INTO platform.figure_district_daily (district_id, figure, day, value)
SELECT a.district_id, f.figure, f.day, sum(f.value)
  FROM platform.figure_daily f
  JOIN platform.communities c ON c.id = f.community_id
  JOIN platform.districts d ON d.id = c.district_id
  CROSS JOIN LATERAL unnest(d.path) AS a (district_id)
 GROUP BY 1, 2, 3;

-- Pilot groups (试点): communities a district tries something in first, compared with the rest
-- of the district before it is rolled out (全区推广).
CREATE TABLE platform.pilot_groups (
    id           uuid PRIMARY KEY,
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (district_id, name)
);
CREATE TABLE platform.pilot_group_members (
    group_id      uuid NOT NULL REFERENCES platform.pilot_groups (id) ON DELETE CASCADE,
    community_id  uuid NOT NULL REFERENCES platform.communities (id),
    PRIMARY KEY (group_id, community_id)
);
