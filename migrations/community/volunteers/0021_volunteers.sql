-- Volunteers (志愿者), posts and shifts (岗位、班次), and their hours (服务时长), verified by
-- staff and paid in points by the post's rule in the verifying transaction.

CREATE TABLE volunteers (
    id             uuid PRIMARY KEY,
    -- the person's platform account
    account_id     uuid NOT NULL UNIQUE,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    -- applicant → active → inactive (and back to active); never deleted
    status         text NOT NULL DEFAULT 'applicant'
                       CHECK (status IN ('applicant', 'active', 'inactive')),
    skills         text[] NOT NULL DEFAULT '{}',
    -- a party member reporting to the community (双报到)
    party_member   boolean NOT NULL DEFAULT false,
    -- a partner team's member: the partners crate's team (a key, never a join)
    team_id        uuid,
    registered_by  uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteer_trainings (
    id            uuid PRIMARY KEY,
    volunteer_id  uuid NOT NULL REFERENCES volunteers (id),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    held_on       date NOT NULL,
    hours         numeric(5, 1) NOT NULL CHECK (hours > 0 AND hours <= 100),
    recorded_by   uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_trainings_volunteer ON volunteer_trainings (volunteer_id);

CREATE TABLE volunteer_posts (
    id               uuid PRIMARY KEY,
    type_code        text NOT NULL REFERENCES volunteer_post_types (code),
    title            text NOT NULL UNIQUE CHECK (length(title) BETWEEN 1 AND 100),
    description      text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    -- the post's rule: points for each hour verified
    points_per_hour  integer NOT NULL CHECK (points_per_hour BETWEEN 0 AND 1000),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteer_shifts (
    id         uuid PRIMARY KEY,
    post_id    uuid NOT NULL REFERENCES volunteer_posts (id),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    place      text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
    -- a space of the spaces crate where the shift is held (a key)
    space_id   uuid,
    needed     integer NOT NULL CHECK (needed BETWEEN 1 AND 500),
    -- kept by the trigger below; PostgreSQL refuses the sign-up past `needed`
    signed_up  integer NOT NULL DEFAULT 0,
    leader_id  uuid REFERENCES volunteers (id),
    CHECK (ends_at > starts_at),
    CONSTRAINT volunteer_shifts_never_over_filled CHECK (signed_up BETWEEN 0 AND needed)
);
CREATE INDEX volunteer_shifts_time ON volunteer_shifts (starts_at);

CREATE TABLE shift_signups (
    shift_id      uuid NOT NULL REFERENCES volunteer_shifts (id),
    volunteer_id  uuid NOT NULL REFERENCES volunteers (id),
    status        text NOT NULL CHECK (status IN ('signed_up', 'withdrawn')),
    changed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shift_id, volunteer_id)
);
CREATE INDEX shift_signups_volunteer ON shift_signups (volunteer_id);

CREATE FUNCTION shift_signups_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE volunteer_shifts
       SET signed_up = signed_up
           + (CASE WHEN NEW.status = 'signed_up' THEN 1 ELSE 0 END)
           - (CASE WHEN TG_OP = 'UPDATE' AND OLD.status = 'signed_up' THEN 1 ELSE 0 END)
     WHERE id = NEW.shift_id;
    RETURN NULL;
END $$;
CREATE TRIGGER shift_signups_count AFTER INSERT OR UPDATE OF status ON shift_signups
    FOR EACH ROW EXECUTE FUNCTION shift_signups_count();

CREATE TABLE volunteer_hours (
    id              uuid PRIMARY KEY,
    volunteer_id    uuid NOT NULL REFERENCES volunteers (id),
    post_id         uuid NOT NULL REFERENCES volunteer_posts (id),
    shift_id        uuid REFERENCES volunteer_shifts (id),
    served_on       date NOT NULL,
    minutes         integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    -- who wrote it down: the volunteer, the shift's leader, or staff
    recorded_as     text NOT NULL CHECK (recorded_as IN ('volunteer', 'leader', 'staff')),
    recorded_by     uuid NOT NULL,
    status          text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'verified', 'declined')),
    -- declined hours stay, with the reason
    decline_reason  text CHECK (length(decline_reason) BETWEEN 1 AND 200),
    decided_by      uuid,
    decided_at      timestamptz,
    -- credited to a collective card the volunteer belongs to, attributed to them
    card_id         uuid REFERENCES points_accounts (id),
    points          integer CHECK (points >= 0),
    transfer_id     uuid UNIQUE REFERENCES points_transfers (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK ((status = 'verified') = (points IS NOT NULL))
);
CREATE UNIQUE INDEX volunteer_hours_once_per_shift ON volunteer_hours (volunteer_id, shift_id)
    WHERE shift_id IS NOT NULL;
CREATE INDEX volunteer_hours_volunteer ON volunteer_hours (volunteer_id, served_on);
CREATE INDEX volunteer_hours_pending ON volunteer_hours (created_at) WHERE status = 'pending';
