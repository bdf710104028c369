-- Events other than course sessions (活动, 交流, 展演, 服务集市, 达人服务日, open lectures), with
-- optional registration, and walk-in attendance (人次) for events and open lectures: one row
-- per person and occasion, or a head count taken by staff.
CREATE TABLE events (
    id            uuid PRIMARY KEY,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    kind          text NOT NULL CHECK (kind IN ('activity', 'exchange', 'performance', 'market',
                      'service_day')),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    place         text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
    -- NULL: no registration, anyone walks in
    capacity      integer CHECK (capacity > 0),
    -- kept by the trigger below; with the CHECK no registration passes capacity
    registered    integer NOT NULL DEFAULT 0,
    status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CONSTRAINT events_capacity CHECK (capacity IS NULL OR registered <= capacity)
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE event_registrations (
    event_id    uuid NOT NULL REFERENCES events (id),
    learner_id  uuid NOT NULL REFERENCES learners (id),
    by_account  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, learner_id)
);

CREATE FUNCTION event_registrations_count() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE events SET registered = registered + 1 WHERE id = NEW.event_id;
    ELSE
        UPDATE events SET registered = registered - 1 WHERE id = OLD.event_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER event_registrations_count AFTER INSERT OR DELETE ON event_registrations
    FOR EACH ROW EXECUTE FUNCTION event_registrations_count();

-- 人次: a person counted once per event or session; a staff head count has no person.
CREATE TABLE walk_ins (
    id           uuid PRIMARY KEY,
    event_id     uuid REFERENCES events (id),
    session_id   uuid REFERENCES course_sessions (id),
    learner_id   uuid REFERENCES learners (id),
    head_count   integer NOT NULL DEFAULT 1,
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((event_id IS NULL) <> (session_id IS NULL)),
    CHECK ((learner_id IS NOT NULL AND head_count = 1)
        OR (learner_id IS NULL AND head_count BETWEEN 1 AND 10000))
);
CREATE UNIQUE INDEX walk_ins_once_per_event ON walk_ins (event_id, learner_id)
    WHERE event_id IS NOT NULL AND learner_id IS NOT NULL;
CREATE UNIQUE INDEX walk_ins_once_per_session ON walk_ins (session_id, learner_id)
    WHERE session_id IS NOT NULL AND learner_id IS NOT NULL;
