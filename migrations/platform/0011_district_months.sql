-- Dashboards, third step: what a district reads over whole months, kept by month (measured at
-- 5,000 communities, docs/PERFORMANCE.md: a year's totals read 365 days per figure, its median
-- 365 days of distributions, and cadence counted 60,000 community-months).
--
-- Every fold (and rebuild) adds to these in the same statement as to the days
-- (dashboards::apply); cadence follows the communities' months by trigger, so whatever writes
-- `courses.public_sessions` (fold, rebuild, a benchmark's bulk insert) keeps it true.
CREATE TABLE platform.figure_district_monthly (
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    figure       text NOT NULL,
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    value        bigint NOT NULL,
    PRIMARY KEY (district_id, figure, month)
) WITH (fillfactor = 90);
INSERT INTO platform.figure_district_monthly (district_id, figure, month, value)
SELECT district_id, figure, date_trunc('month', day)::date, sum(value)
  FROM platform.figure_district_daily GROUP BY 1, 2, 3;

CREATE TABLE platform.figure_district_samples_monthly (
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    figure       text NOT NULL,
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    sample       bigint NOT NULL,
    count        bigint NOT NULL,
    PRIMARY KEY (district_id, figure, month, sample) INCLUDE (count)
);
INSERT INTO platform.figure_district_samples_monthly (district_id, figure, month, sample, count)
SELECT district_id, figure, date_trunc('month', day)::date, sample, sum(count)
  FROM platform.figure_district_samples GROUP BY 1, 2, 3, 4;

-- 每月不少于两堂公益课: how many of a district's communities held at least two public-benefit
-- sessions in a month.
CREATE TABLE platform.cadence_district_monthly (
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    met          bigint NOT NULL CHECK (met >= 0),
    PRIMARY KEY (district_id, month) INCLUDE (met)
);

-- A community-month crossing the line (either way) moves every district above the community.
-- The threshold is dashboards::catalogue::CADENCE_PUBLIC_SESSIONS.
CREATE FUNCTION platform.cadence_follows_month() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    crossed integer := (NEW.value >= 2)::integer
                       - CASE WHEN TG_OP = 'UPDATE' THEN (OLD.value >= 2)::integer ELSE 0 END;
BEGIN
    IF crossed <> 0 THEN
        INSERT INTO platform.cadence_district_monthly (district_id, month, met)
        SELECT a.id, NEW.month, crossed
          FROM platform.communities c
          JOIN platform.districts d ON d.id = c.district_id,
               unnest(d.path) AS a (id)
         WHERE c.id = NEW.community_id
         ORDER BY a.id
        ON CONFLICT (district_id, month)
        DO UPDATE SET met = platform.cadence_district_monthly.met + EXCLUDED.met;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER cadence_follows_month
    AFTER INSERT OR UPDATE OF value ON platform.figure_monthly
    FOR EACH ROW WHEN (NEW.figure = 'courses.public_sessions')
    EXECUTE FUNCTION platform.cadence_follows_month();

INSERT INTO platform.cadence_district_monthly (district_id, month, met)
SELECT a.id, m.month, count(*)
  FROM platform.figure_monthly m
  JOIN platform.communities c ON c.id = m.community_id
  JOIN platform.districts d ON d.id = c.district_id,
       unnest(d.path) AS a (id)
 WHERE m.figure = 'courses.public_sessions' AND m.value >= 2
 GROUP BY 1, 2;

-- A community's quarters and years: a ranking (or an export) over a year reads one row per
-- community instead of twelve; any run of whole months is read as years, quarters and months
-- (dashboards::period::Cover).
CREATE TABLE platform.figure_spans (
    community_id  uuid NOT NULL REFERENCES platform.communities (id),
    figure        text NOT NULL,
    months        smallint NOT NULL CHECK (months IN (3, 12)),
    start         date NOT NULL CHECK (extract(day FROM start) = 1
                                       AND (extract(month FROM start)::int - 1) % months = 0),
    value         bigint NOT NULL,
    PRIMARY KEY (community_id, figure, months, start) INCLUDE (value)
);
CREATE INDEX figure_spans_covering
    ON platform.figure_spans (figure, months, start, community_id) INCLUDE (value);
INSERT INTO platform.figure_spans (community_id, figure, months, start, value)
SELECT community_id, figure, s.months, date_trunc(s.unit, month)::date, sum(value)
  FROM platform.figure_monthly, (VALUES (3::smallint, 'quarter'), (12::smallint, 'year')) AS s (months, unit)
 GROUP BY 1, 2, 3, 4;

-- A set of communities (a street, some kinds, a pilot group) is read by its communities' keys:
-- with the value in the key's index those reads are index-only too (the filtered dashboard
-- over a street's 215 communities for a year: 60–140 → 30–50 ms, docs/PERFORMANCE.md).
-- Rebuilding the keys locks the tables for the migration (seconds at 5,000 communities).
ALTER TABLE platform.figure_daily
    DROP CONSTRAINT figure_daily_pkey,
    ADD PRIMARY KEY (community_id, figure, day) INCLUDE (value);
ALTER TABLE platform.figure_monthly
    DROP CONSTRAINT figure_monthly_pkey,
    ADD PRIMARY KEY (community_id, figure, month) INCLUDE (value);
ALTER TABLE platform.figure_samples
    DROP CONSTRAINT figure_samples_pkey,
    ADD PRIMARY KEY (community_id, figure, day, sample) INCLUDE (count);
