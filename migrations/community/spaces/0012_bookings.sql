-- spaces: rules, opening hours, closures, and bookings that can never overlap.

ALTER TABLE spaces
    ADD COLUMN courtyard_id     uuid REFERENCES courtyards (id),
    ADD COLUMN amenities        text[] NOT NULL DEFAULT '{}',
    -- who may book: residents (and clubs), clubs only, or staff only
    ADD COLUMN bookable_by      text NOT NULL DEFAULT 'residents'
                                CHECK (bookable_by IN ('residents', 'clubs', 'staff')),
    -- how far ahead a booking may start
    ADD COLUMN window_days      integer NOT NULL DEFAULT 30 CHECK (window_days BETWEEN 1 AND 365),
    ADD COLUMN min_minutes      integer NOT NULL DEFAULT 30 CHECK (min_minutes BETWEEN 15 AND 1440),
    ADD COLUMN max_minutes      integer NOT NULL DEFAULT 240 CHECK (max_minutes BETWEEN 15 AND 1440),
    ADD COLUMN needs_approval   boolean NOT NULL DEFAULT false,
    -- time-bank points per hour, recorded on each booking (paid through the time bank)
    ADD COLUMN points_per_hour  integer NOT NULL DEFAULT 0 CHECK (points_per_hour BETWEEN 0 AND 10000),
    ADD CONSTRAINT spaces_lengths CHECK (min_minutes <= max_minutes);

-- Opening hours per ISO weekday (1 = Monday), in the community's time; several spans a day.
CREATE TABLE space_hours (
    space_id  uuid NOT NULL REFERENCES spaces (id),
    weekday   integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens     time NOT NULL,
    closes    time NOT NULL,
    CHECK (closes > opens),
    PRIMARY KEY (space_id, weekday, opens)
);

-- Days a space is closed (holidays, repairs) whatever its hours say.
CREATE TABLE space_closures (
    space_id  uuid NOT NULL REFERENCES spaces (id),
    on_date   date NOT NULL,
    reason    text CHECK (length(reason) <= 100),
    PRIMARY KEY (space_id, on_date)
);

CREATE TABLE bookings (
    id              uuid PRIMARY KEY,
    space_id        uuid NOT NULL REFERENCES spaces (id),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    -- a person, or a club (courses' clubs: a key, never a join)
    booker_kind     text NOT NULL CHECK (booker_kind IN ('person', 'club')),
    club_id         uuid,
    booked_by       uuid NOT NULL,
    purpose         text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    attendance      integer NOT NULL CHECK (attendance > 0),
    status          text NOT NULL CHECK (status IN ('requested', 'approved', 'declined', 'cancelled')),
    -- the recurring request it belongs to
    series_id       uuid,
    points_price    integer NOT NULL CHECK (points_price >= 0),
    decided_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((booker_kind = 'club') = (club_id IS NOT NULL))
);
CREATE INDEX bookings_space ON bookings (space_id, starts_at);
CREATE INDEX bookings_booker ON bookings (booked_by, starts_at);
CREATE INDEX bookings_club ON bookings (club_id, starts_at) WHERE club_id IS NOT NULL;

-- Every use of a space's time — an active booking or a course session placed in the space —
-- holds a slot, and two slots of one space never overlap: PostgreSQL refuses the second.
CREATE TABLE space_slots (
    id          uuid PRIMARY KEY,
    space_id    uuid NOT NULL REFERENCES spaces (id),
    during      tstzrange NOT NULL CHECK (NOT isempty(during)),
    booking_id  uuid UNIQUE REFERENCES bookings (id),
    -- a course session (the courses crate's table: a key, never a join)
    session_id  uuid UNIQUE,
    CHECK ((booking_id IS NULL) <> (session_id IS NULL)),
    CONSTRAINT space_slots_no_overlap EXCLUDE USING gist (space_id WITH =, during WITH &&)
);

-- Quotas per person or per club over a week or a month, in hours or bookings.
CREATE TABLE booking_quotas (
    id        uuid PRIMARY KEY,
    applies_to text NOT NULL CHECK (applies_to IN ('person', 'club')),
    period    text NOT NULL CHECK (period IN ('week', 'month')),
    unit      text NOT NULL CHECK (unit IN ('hours', 'bookings')),
    max_units integer NOT NULL CHECK (max_units > 0),
    UNIQUE (applies_to, period, unit)
);
