-- Targets are the district's, not constants (issue 29): a district sets its rules — 每月两堂
-- 公益课, 月月有活动, 季季有交流, 年年有展演 — as a figure's least total per month, quarter or
-- year in each of its communities; the districts within it and their communities are held to
-- them too. A community adds its own (its cadence targets).
CREATE TABLE platform.district_targets (
    id           uuid PRIMARY KEY,
    district_id  uuid NOT NULL REFERENCES platform.districts (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    figure       text NOT NULL CHECK (figure ~ '^[a-z_]+\.[a-z_]+$'),
    period       text NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    min_value    bigint NOT NULL CHECK (min_value BETWEEN 1 AND 1000000),
    set_by       uuid REFERENCES platform.accounts (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (district_id, name)
);
