-- Entry by QR code and no-shows: a booking checked in at the door records when; one not
-- checked in some minutes after its start is released by the worker (its slot freed) and
-- counts against its booker; too many no-shows suspend booking for a while.
ALTER TABLE bookings ADD COLUMN checked_in_at timestamptz;
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status
    CHECK (status IN ('requested', 'approved', 'declined', 'cancelled', 'no_show'));

-- The community's rules for no-shows (one row).
CREATE TABLE booking_settings (
    id               boolean PRIMARY KEY DEFAULT true CHECK (id),
    grace_minutes    integer NOT NULL DEFAULT 15 CHECK (grace_minutes BETWEEN 5 AND 120),
    no_show_limit    integer NOT NULL DEFAULT 3 CHECK (no_show_limit BETWEEN 1 AND 20),
    -- no-shows counted over this many days
    no_show_days     integer NOT NULL DEFAULT 30 CHECK (no_show_days BETWEEN 1 AND 365),
    suspension_days  integer NOT NULL DEFAULT 14 CHECK (suspension_days BETWEEN 1 AND 365)
);
INSERT INTO booking_settings DEFAULT VALUES;

CREATE TABLE booking_suspensions (
    account_id  uuid PRIMARY KEY,
    until       timestamptz NOT NULL,
    reason      text NOT NULL
);
