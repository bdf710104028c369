-- The ecological farm (生态农场): plots in a farm space, claimed (认领) for a season by a
-- resident or family, a waiting list when all are taken, duties recorded, neglected plots
-- warned then released to the waiting list, renewal with priority for tenders in good standing.
CREATE TABLE farm_seasons (
    id              uuid PRIMARY KEY,
    name            text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
    starts_on       date NOT NULL,
    ends_on         date NOT NULL,
    -- before this day only last season's tenders in good standing may claim (renew)
    claims_open_on  date NOT NULL,
    -- a plot with no duty recorded for this many days is warned, then released
    neglect_days    integer NOT NULL DEFAULT 14 CHECK (neglect_days BETWEEN 3 AND 90),
    CHECK (ends_on > starts_on)
);

CREATE TABLE farm_plots (
    id        uuid PRIMARY KEY,
    space_id  uuid NOT NULL REFERENCES spaces (id),
    code      text NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    area_m2   numeric(6, 1) NOT NULL CHECK (area_m2 > 0),
    UNIQUE (space_id, code)
);

CREATE TABLE plot_claims (
    id             uuid PRIMARY KEY,
    plot_id        uuid NOT NULL REFERENCES farm_plots (id),
    season_id      uuid NOT NULL REFERENCES farm_seasons (id),
    account_id     uuid NOT NULL,
    status         text NOT NULL CHECK (status IN ('active', 'released', 'given_up')),
    claimed_at     timestamptz NOT NULL DEFAULT now(),
    last_duty_at   timestamptz,
    warned_at      timestamptz,
    released_at    timestamptz
);
-- One tender per plot and season, one plot per household (account) and season.
CREATE UNIQUE INDEX plot_claims_one_per_plot ON plot_claims (plot_id, season_id)
    WHERE status = 'active';
CREATE UNIQUE INDEX plot_claims_one_per_account ON plot_claims (season_id, account_id)
    WHERE status = 'active';

CREATE TABLE plot_waitlist (
    season_id   uuid NOT NULL REFERENCES farm_seasons (id),
    account_id  uuid NOT NULL,
    queued      bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (season_id, account_id)
);

CREATE TABLE plot_duties (
    id        uuid PRIMARY KEY,
    claim_id  uuid NOT NULL REFERENCES plot_claims (id),
    kind      text NOT NULL CHECK (kind IN ('watering', 'weeding', 'sowing', 'fertilising', 'harvest')),
    note      text CHECK (length(note) <= 200),
    done_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plot_duties_claim ON plot_duties (claim_id, done_at);
