-- Partner teams book spaces too: a booking's booker is a person, a club or a partner team.
-- Teams are platform records of the partners crate, so the booking keeps the team's key and
-- its name at booking time (never a join across schemas).

ALTER TABLE bookings DROP CONSTRAINT bookings_booker_kind_check;
ALTER TABLE bookings
    ADD CONSTRAINT bookings_booker_kind_check CHECK (booker_kind IN ('person', 'club', 'team')),
    ADD COLUMN team_id    uuid,
    ADD COLUMN team_name  text CHECK (length(team_name) BETWEEN 1 AND 100),
    ADD CONSTRAINT bookings_team
        CHECK ((booker_kind = 'team') = (team_id IS NOT NULL AND team_name IS NOT NULL));
CREATE INDEX bookings_team ON bookings (team_id, starts_at) WHERE team_id IS NOT NULL;

ALTER TABLE booking_quotas DROP CONSTRAINT booking_quotas_applies_to_check;
ALTER TABLE booking_quotas
    ADD CONSTRAINT booking_quotas_applies_to_check CHECK (applies_to IN ('person', 'club', 'team'));

-- who may book: residents (and their clubs and partner teams), clubs only, partner teams
-- only, or staff only
ALTER TABLE spaces DROP CONSTRAINT spaces_bookable_by_check;
ALTER TABLE spaces
    ADD CONSTRAINT spaces_bookable_by_check
        CHECK (bookable_by IN ('residents', 'clubs', 'teams', 'staff'));
